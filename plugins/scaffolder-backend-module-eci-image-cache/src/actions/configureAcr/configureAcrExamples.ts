import { TemplateExample } from '@backstage/plugin-scaffolder-node';

export const configureAcrExamples: TemplateExample[] = [
  {
    description:
      'Use an ACR EE instance in another region for password-free pulls',
    example: `steps:
  - id: acr
    action: eci:acr:configure
    name: Configure password-free pulls
    input:
      entityRef: component:default/etl-runner
      acrInstanceId: cn-shanghai:cri-shanghai7k2m9x4p
`,
  },
  {
    description: 'Remove the saved ACR instance',
    example: `steps:
  - id: acr
    action: eci:acr:configure
    input:
      entityRef: component:default/etl-runner
      acrInstanceId: null
`,
  },
];

import { TemplateExample } from '@backstage/plugin-scaffolder-node';

export const readEntityExamples: TemplateExample[] = [
  {
    description:
      'Read the service the form chose, failing with the form field named when the catalog does not list it',
    example: `steps:
  - id: service
    action: eci:catalog:read
    name: Read the service
    input:
      entityRef: \${{ parameters.service }}
      field: service
`,
  },
];

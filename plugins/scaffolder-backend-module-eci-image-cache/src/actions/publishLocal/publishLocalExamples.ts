import { TemplateExample } from '@backstage/plugin-scaffolder-node';

export const publishLocalExamples: TemplateExample[] = [
  {
    description:
      'Publish the whole workspace to <publishRoot>/ml-trainer-workflows',
    example: `steps:
  - id: publish
    action: eci:publish:local
    name: Publish
    input:
      entityRef: component:default/ml-trainer
      name: ml-trainer-workflows
`,
  },
  {
    description:
      'Publish one sub-directory, replacing an earlier publication of the same name',
    example: `steps:
  - id: publish
    action: eci:publish:local
    input:
      entityRef: component:default/nightly-report
      name: nightly-report
      sourcePath: output
      overwrite: true
`,
  },
];

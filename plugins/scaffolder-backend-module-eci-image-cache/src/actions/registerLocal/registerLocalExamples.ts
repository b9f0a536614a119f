import { TemplateExample } from '@backstage/plugin-scaffolder-node';

export const registerLocalExamples: TemplateExample[] = [
  {
    description:
      'Register the component a template published locally, so its catalog link works when the task ends',
    example: `steps:
  - id: register
    action: eci:catalog:register-local
    name: Register in the catalog
    input:
      catalogInfoPath: \${{ steps.publish.output.catalogInfoPath }}
      entityRef: component:default/\${{ parameters.name }}
`,
  },
];

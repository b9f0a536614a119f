import { TemplateExample } from '@backstage/plugin-scaffolder-node';

export const generateWorkflowsExamples: TemplateExample[] = [
  {
    description:
      'One catalog service, cache mode from its annotations, written to workflows/ml-trainer.yaml',
    example: `steps:
  - id: generate
    action: eci:workflow:generate
    name: Generate the workflow
    input:
      services: component:default/ml-trainer
`,
  },
  {
    description:
      "Pin the service's Ready image cache on a cluster (fails when none is Ready), current annotation names",
    example: `steps:
  - id: generate
    action: eci:workflow:generate
    input:
      services:
        - component:default/ml-trainer
        - entityRef: component:default/etl-runner
          command: [python, -m, etl]
      cacheMode: pinned
      cluster: ack-hangzhou
      dialect: current
      targetPath: argo/{service}-workflow.yaml
`,
  },
  {
    description:
      'An inline service (no catalog entity) as a nightly CronWorkflow, pulling password-free from an ACR EE instance in another region',
    example: `steps:
  - id: generate
    action: eci:workflow:generate
    input:
      services:
        name: nightly-report
        images:
          - acr-en-shanghai-registry.cn-shanghai.cr.aliyuncs.com/data/report:1.2.0
        command: [report]
        args: [--yesterday]
        acrInstanceId: cn-shanghai:cri-shanghai7k2m9x4p
        clusterRegion: cn-hangzhou
        namespace: argo
      kind: CronWorkflow
      schedule: '0 2 * * *'
      timezone: Asia/Shanghai
      cacheMode: auto
`,
  },
];

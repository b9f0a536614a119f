import { TemplateExample } from '@backstage/plugin-scaffolder-node';

export const ensureImageCacheExamples: TemplateExample[] = [
  {
    description:
      'Create or adopt the managed cache of a service and wait until it is Ready',
    example: `steps:
  - id: cache
    action: eci:imagecache:ensure
    name: Ensure the image cache
    input:
      entityRef: component:default/ml-trainer
      waitForReady: true
      timeoutSeconds: 1200
`,
  },
  {
    description:
      'Cache an inline image list for a service on a named cluster, without waiting',
    example: `steps:
  - id: cache
    action: eci:imagecache:ensure
    input:
      entityRef: component:default/ml-trainer
      cluster: ack-hangzhou
      images:
        - acr-en-hangzhou-registry.cn-hangzhou.cr.aliyuncs.com/ml/trainer:1.5.0
        - docker.io/library/python:3.12-slim
`,
  },
];

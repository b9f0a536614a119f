import { parse } from 'yaml';
import {
  ACR_PASSWORD_FREE_WORKFLOW_YAML,
  AUTO_IMAGE_CACHE_WORKFLOW_YAML,
  PINNED_IMAGE_CACHE_WORKFLOW_YAML,
} from './__fixtures__/sourceDocument';
import { argoSchemaErrors } from './__testUtils__/schemas';
import { generateWorkflow, WorkflowOptions } from './workflow';
import { renderYaml } from './yaml';

// The source document's pinned example uses the masked id imc-f8zf****; a valid id stands in for it.
const PINNED_ID = 'imc-f8zf1234';

/** The source document's workflows do not set imagePullPolicy; generated containers always do. */
function withPullPolicy(workflow: any) {
  const copy = JSON.parse(JSON.stringify(workflow));
  for (const template of copy.spec.templates) {
    template.container.imagePullPolicy = 'IfNotPresent';
  }
  return copy;
}

const cases: Array<[string, string, WorkflowOptions, (doc: any) => any]> = [
  [
    'password-free ACR pull (cross-region, no cache)',
    ACR_PASSWORD_FREE_WORKFLOW_YAML,
    {
      serviceName: 'hello-world',
      cacheMode: 'off',
      acrInstanceIds: ['cn-hangzhou:cri-f34lmbk2rxqx41u8'],
      containers: [
        {
          image:
            'acr-en-hangzhou-registry.cn-hangzhou.cr.aliyuncs.com/workflow/whalesay',
          command: ['cowsay'],
          args: ['hello world'],
        },
      ],
    },
    doc => {
      // The document leaves caching unset, which keeps ECI's automatic matching on
      // (eci-auto-imc defaults to "true"); cache mode "off" has to say so explicitly.
      Object.assign(doc.spec.podMetadata.annotations, {
        'k8s.aliyun.com/eci-image-cache': 'false',
        'k8s.aliyun.com/eci-auto-imc': 'false',
      });
      return doc;
    },
  ],
  [
    'automatic image cache',
    AUTO_IMAGE_CACHE_WORKFLOW_YAML,
    { serviceName: 'hello-world' },
    doc => doc,
  ],
  [
    'pinned image cache',
    PINNED_IMAGE_CACHE_WORKFLOW_YAML,
    {
      serviceName: 'hello-world',
      cacheMode: 'pinned',
      imageCacheId: PINNED_ID,
    },
    doc => {
      expect(
        doc.spec.podMetadata.annotations[
          'k8s.aliyun.com/eci-image-snapshot-id'
        ],
      ).toBe('imc-f8zf****');
      doc.spec.podMetadata.annotations['k8s.aliyun.com/eci-image-snapshot-id'] =
        PINNED_ID;
      return doc;
    },
  ],
];

describe('the workflows of the source document', () => {
  it.each(cases)(
    '%s comes out of generateWorkflow',
    (_, yaml, options, adjust) => {
      const expected = withPullPolicy(adjust(parse(yaml)));
      const generated = generateWorkflow(options);
      expect(generated).toEqual(expected);
      expect(parse(renderYaml(generated))).toEqual(expected);
      expect(argoSchemaErrors(generated)).toBe('');
    },
  );

  it.each(cases)(
    '%s as written in the document validates against the Argo schema',
    (_, yaml, __, adjust) => {
      expect(argoSchemaErrors(adjust(parse(yaml)))).toBe('');
    },
  );

  it('the ACR example drops the region when the cluster is in the same region', () => {
    const generated = generateWorkflow({
      ...cases[0][2],
      clusterRegion: 'cn-hangzhou',
    });
    expect(generated.spec).toMatchObject({
      podMetadata: {
        annotations: {
          'k8s.aliyun.com/acr-instance-id': 'cri-f34lmbk2rxqx41u8',
        },
      },
    });
  });
});

// eslint-disable-next-line @backstage/no-forbidden-package-imports
import { FakeCatalog } from '@eci-portal/plugin-eci-image-cache-backend/src/__testUtils__/FakeCatalog';
import {
  ANNOTATION_ARGO_NAMESPACE,
  ANNOTATION_ECI_CLUSTER,
  ANNOTATION_ECI_IMAGE_CACHE,
  ANNOTATION_ECI_IMAGES,
} from '@eci-portal/plugin-eci-image-cache-common';
import { mockCredentials } from '@backstage/backend-test-utils';
import { createGenerateWorkflowsAction } from '@eci-portal/plugin-scaffolder-backend-module-eci-image-cache';
// eslint-disable-next-line @backstage/no-forbidden-package-imports
import { createMockActionContext } from '@eci-portal/plugin-scaffolder-backend-module-eci-image-cache/src/__testUtils__/createMockActionContext';
import { Knex } from 'knex';
import { actionClient } from '../harness/actionClient';
import {
  OWNER,
  ReliabilityBackend,
  startReliabilityBackend,
} from '../harness/backend';
import { startClusters, TestCluster } from '../harness/clusters';
import { sqliteMemory } from '../harness/database';
import { imageCaches, isManaged, ownerOf } from '../harness/clusterObjects';
import { component } from '../harness/fixtures';
import { printSummary } from '../harness/summary';
import { stopSuite } from '../harness/securitySuite';
import { startTrapServer } from '../harness/trapServer';

const MANUAL = {
  [ANNOTATION_ECI_IMAGES]: 'nginx:1.25.3',
  [ANNOTATION_ECI_IMAGE_CACHE]: 'manual',
};

describe('entity annotations never choose a cluster URL, a token or a namespace outside the allowed ones', () => {
  let clusters: TestCluster[];
  let knex: Knex;
  let backend: ReliabilityBackend;
  let trap: Awaited<ReturnType<typeof startTrapServer>>;
  let attempts: Array<[string, Record<string, string>, string]>;

  beforeAll(async () => {
    clusters = await startClusters(2);
    trap = await startTrapServer();
    const [first, second] = clusters.map(c => c.name);
    // name, annotations, the annotation whose problem must be reported ('' = none: it is ignored)
    attempts = [
      [
        'url-as-cluster',
        { ...MANUAL, [ANNOTATION_ECI_CLUSTER]: trap.url },
        ANNOTATION_ECI_CLUSTER,
      ],
      [
        'host-as-cluster',
        { ...MANUAL, [ANNOTATION_ECI_CLUSTER]: '127.0.0.1' },
        ANNOTATION_ECI_CLUSTER,
      ],
      [
        'cluster-case',
        { ...MANUAL, [ANNOTATION_ECI_CLUSTER]: first.toUpperCase() },
        ANNOTATION_ECI_CLUSTER,
      ],
      [
        'kube-system',
        {
          ...MANUAL,
          [ANNOTATION_ECI_CLUSTER]: second,
          [ANNOTATION_ARGO_NAMESPACE]: 'kube-system',
        },
        ANNOTATION_ARGO_NAMESPACE,
      ],
      [
        'other-namespace',
        {
          ...MANUAL,
          [ANNOTATION_ECI_CLUSTER]: second,
          [ANNOTATION_ARGO_NAMESPACE]: 'default',
        },
        ANNOTATION_ARGO_NAMESPACE,
      ],
    ];
    const entities = attempts.map(([name, annotations]) =>
      component(name, annotations),
    );
    // Annotations the plugin does not know are ignored: they select nothing.
    entities.push(
      component('smuggler', {
        ...MANUAL,
        [ANNOTATION_ECI_CLUSTER]: first,
        'alibabacloud.com/eci-cluster-url': trap.url,
        'alibabacloud.com/eci-service-account-token': 'smuggled-token',
        'alibabacloud.com/eci-ca-data': 'c211Z2dsZWQ=',
        'backstage.io/kubernetes-namespace': 'kube-system',
      }),
    );
    knex = sqliteMemory();
    backend = await startReliabilityBackend({
      clusters,
      catalog: new FakeCatalog(entities),
      knex,
      scheduler: 'manual',
      clusterConfig: {
        [second]: {
          allowedNamespaces: ['argo', 'batch'],
          defaultNamespace: 'argo',
        },
      },
    });
    await backend.waitForSync();
    await backend.reconcile();
  });

  afterAll(async () => {
    await stopSuite({ clusters, knex, backend });
    await trap?.stop();
  });

  it('reports the annotation as a problem, creates nothing for it and never calls the URL', async () => {
    const generate = createGenerateWorkflowsAction({
      eciImageCache: actionClient(backend),
    });
    const outcomes = [];
    for (const [name, , annotation] of attempts) {
      const path = `/entities/component/default/${name}`;
      const state = await backend.get(path);
      const create = await backend.post(`${path}/caches`, {});
      const workflow = await backend.get(`${path}/workflow`);
      const action = await generate
        .handler(
          createMockActionContext({
            input: { services: [`component:default/${name}`] },
            credentials: mockCredentials.user(OWNER),
          }),
        )
        .then(
          () => 'succeeded',
          (error: Error) => error.message,
        );
      outcomes.push({
        name,
        problems: state.body.problems.map((p: { field: string }) => p.field),
        config: state.body.config,
        create: [
          create.status,
          create.body.error?.message.includes(annotation),
        ],
        workflow: [
          workflow.status,
          workflow.body.error?.message.includes(annotation),
        ],
        action: action.includes(annotation) ? 'failed naming it' : action,
      });
    }
    expect(outcomes).toEqual(
      attempts.map(([name, , annotation]) => ({
        name,
        problems: [annotation],
        config: null,
        create: [409, true],
        workflow: [409, true],
        action: 'failed naming it',
      })),
    );
    const managed = clusters.flatMap(c =>
      imageCaches(c.emulator).filter(isManaged),
    );
    expect(managed.map(cache => ownerOf(cache))).toEqual([
      'component:default/smuggler',
    ]);
    expect(trap.hits).toEqual([]);
    printSummary('configuration', {
      attempts: attempts.length + 1,
      refused: outcomes.length,
      trapRequests: trap.hits.length,
    });
  });

  it('ignores unknown annotations that try to name a URL, a token or CA data', async () => {
    const state = await backend.get('/entities/component/default/smuggler');
    expect(state.body.problems).toEqual([]);
    expect(state.body.config.cluster).toEqual({
      value: clusters[0].name,
      source: 'annotation',
    });
    expect(state.body.config.argoNamespace).toEqual({
      value: 'argo',
      source: 'default',
    });
    const [cache] = imageCaches(clusters[0].emulator).filter(isManaged);
    expect(cache.metadata.annotations?.['eci.backstage.io/entity-ref']).toBe(
      'component:default/smuggler',
    );
    expect(JSON.stringify(cache)).not.toMatch(/smuggled|127\.0\.0\.1/);
    expect(trap.hits).toEqual([]);
  });
});

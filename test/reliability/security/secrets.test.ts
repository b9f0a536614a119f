// eslint-disable-next-line @backstage/no-forbidden-package-imports
import { FakeCatalog } from '@eci-portal/plugin-eci-image-cache-backend/src/__testUtils__/FakeCatalog';
import {
  ANNOTATION_ECI_IMAGE_CACHE,
  ANNOTATION_ECI_IMAGE_PULL_SECRETS,
  ANNOTATION_ECI_IMAGES,
} from '@eci-portal/plugin-eci-image-cache-common';
import { Knex } from 'knex';
import {
  GUEST,
  OWNER,
  ReliabilityBackend,
  requireStatus,
  startReliabilityBackend,
} from '../harness/backend';
import { startClusters, TestCluster } from '../harness/clusters';
import { sqliteMemory } from '../harness/database';
import { putSecret } from '../harness/clusterObjects';
import { component } from '../harness/fixtures';
import { waitUntil } from '../harness/loops';
import { printSummary } from '../harness/summary';
import { stopSuite } from '../harness/securitySuite';

const PULL_PASSWORD = 'S3CR3T-pull-password-7f1c0e';
const CA_MARKER = 'MIIBfakeCAcertificateMARKER0042';
const WRONG_TOKEN = 'wrong-token-that-must-never-be-shown-91ab';
const ENTITY = '/entities/component/default/private-svc';

describe('read routes never return secret values', () => {
  let clusters: TestCluster[];
  let knex: Knex;
  let backend: ReliabilityBackend;
  let secrets: Record<string, string>;

  beforeAll(async () => {
    clusters = await startClusters(2);
    const dockerConfig = JSON.stringify({
      auths: {
        'registry.example.com': { username: 'robot', password: PULL_PASSWORD },
      },
    });
    putSecret(clusters[0].emulator, 'default', 'regcred', {
      '.dockerconfigjson': dockerConfig,
    });
    const caData = Buffer.from(
      `-----BEGIN CERTIFICATE-----\n${CA_MARKER}\n-----END CERTIFICATE-----\n`,
    ).toString('base64');
    secrets = {
      'the backend token': clusters[0].emulator.tokens.backstage,
      'the admin token': clusters[0].emulator.tokens.admin,
      'a rejected token': WRONG_TOKEN,
      'the CA data': caData,
      'the CA certificate': CA_MARKER,
      'the pull password': PULL_PASSWORD,
      'the pull secret data': Buffer.from(dockerConfig).toString('base64'),
      'the pull secret JSON': dockerConfig,
    };
    knex = sqliteMemory();
    backend = await startReliabilityBackend({
      clusters,
      catalog: new FakeCatalog([
        component('private-svc', {
          [ANNOTATION_ECI_IMAGES]: 'nginx:1.25.3',
          [ANNOTATION_ECI_IMAGE_CACHE]: 'manual',
          [ANNOTATION_ECI_IMAGE_PULL_SECRETS]: 'default:regcred',
        }),
      ]),
      knex,
      scheduler: 'manual',
      clusterConfig: {
        [clusters[0].name]: { caData, allowedNamespaces: ['argo', 'default'] },
        [clusters[1].name]: {
          serviceAccountToken: WRONG_TOKEN,
          allowedNamespaces: ['argo', 'default'],
        },
      },
    });
    await backend.waitForSync([clusters[0].name]);
    // The cache request reads the pull secret on the cluster (to check that it exists).
    requireStatus(
      await backend.post(`${ENTITY}/caches`, {}),
      201,
      'the cache with a pull secret',
    );
    await backend.reconcile();
    // The cluster with the rejected token reports its error.
    await waitUntil(
      async () =>
        (await backend.get('/clusters')).body.items?.[1]?.sync.state ===
        'error',
      'the rejected token to be reported',
      15_000,
    );
  });

  afterAll(() => stopSuite({ clusters, knex, backend }));

  it('shows no token, CA data or pull-secret content on any read route, as any caller', async () => {
    const paths = [
      '/health',
      '/clusters',
      '/acr/instances',
      '/caches',
      `/caches?owner=component:default/private-svc`,
      ENTITY,
      `${ENTITY}/workflow`,
      `${ENTITY}/workflow?kind=CronWorkflow&schedule=0%203%20*%20*%20*&dialect=current`,
      `${ENTITY}/workflow?cluster=${clusters[1].name}`,
    ];
    const responses: Array<{
      path: string;
      user: string;
      status: number;
      text: string;
    }> = [];
    for (const user of [GUEST, OWNER]) {
      for (const path of paths) {
        const res = await backend.get(path, user);
        responses.push({ path, user, status: res.status, text: res.text });
      }
    }
    // Errors of changes are responses too: a cache on the cluster with the rejected token, which is
    // not the entity's own, is refused before any cluster request (it would be removed again).
    const refused = await backend.post(`${ENTITY}/caches`, {
      cluster: clusters[1].name,
    });
    responses.push({
      path: 'POST caches (rejected token)',
      user: OWNER,
      status: refused.status,
      text: refused.text,
    });

    const leaks = responses.flatMap(response =>
      Object.entries(secrets)
        .filter(([, value]) => response.text.includes(value))
        .map(([what]) => `${response.user} ${response.path}: ${what}`),
    );
    const clustersText = responses.find(r => r.path === '/clusters')!.text;
    printSummary('secrets', {
      responses: responses.length,
      bytes: responses.reduce((sum, r) => sum + r.text.length, 0),
      secretsLookedFor: Object.keys(secrets).length,
      leaks: leaks.length,
    });
    expect(leaks).toEqual([]);
    expect(
      responses.filter(
        r => r.status >= 500 && r.path !== 'POST caches (rejected token)',
      ),
    ).toEqual([]);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain(clusters[1].name);
    // The entity state shows that the pull secret is used, by name only.
    expect(responses.find(r => r.path === ENTITY)!.text).toContain(
      'default:regcred',
    );
    // GET /clusters names no URL either.
    for (const cluster of clusters) {
      expect(clustersText).not.toContain(cluster.emulator.url);
      expect(clustersText).not.toContain(`:${cluster.emulator.port}`);
    }
  });
});

// eslint-disable-next-line @backstage/no-forbidden-package-imports
import { FakeCatalog } from '@eci-portal/plugin-eci-image-cache-backend/src/__testUtils__/FakeCatalog';
import { startEmulator } from '@eci-portal/ack-emulator';
import {
  ANNOTATION_ECI_IMAGE_CACHE,
  ANNOTATION_ECI_IMAGE_PULL_SECRETS,
  ANNOTATION_ECI_IMAGES,
} from '@eci-portal/plugin-eci-image-cache-common';
import { Knex } from 'knex';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import {
  ReliabilityBackend,
  requireStatus,
  startReliabilityBackend,
} from '../harness/backend';
import { imageCaches, putSecret } from '../harness/clusterObjects';
import { TestCluster } from '../harness/clusters';
import { pluginRowCounts, sqliteMemory } from '../harness/database';
import { component } from '../harness/fixtures';
import { printSummary } from '../harness/summary';
import { stopSuite } from '../harness/securitySuite';

const README = path.resolve(
  __dirname,
  '../../../plugins/eci-image-cache-backend/README.md',
);
const SERVICE_ACCOUNT = 'backstage-eci-image-cache';

interface EmulatorRule {
  verbs: string[];
  apiGroups: string[];
  resources: string[];
  namespaces?: string[];
}

/**
 * The RBAC the backend README documents, as the emulator's token rules: the ClusterRole's rules
 * everywhere, each Role's rules in the namespaces where a RoleBinding binds it to the account.
 */
function documentedRules(): EmulatorRule[] {
  const readme = fs.readFileSync(README, 'utf8');
  const section = readme.slice(readme.indexOf('## RBAC on a real cluster'));
  const block = /```yaml\n([\s\S]*?)```/.exec(section)![1];
  const docs = parseAllDocuments(block).map(doc => doc.toJS());
  const boundTo = (kind: string, name: string) =>
    docs.filter(
      doc =>
        doc.kind ===
          (kind === 'ClusterRole' ? 'ClusterRoleBinding' : 'RoleBinding') &&
        doc.roleRef.kind === kind &&
        doc.roleRef.name === name &&
        doc.subjects.some(
          (s: { kind: string; name: string }) =>
            s.kind === 'ServiceAccount' && s.name === SERVICE_ACCOUNT,
        ),
    );
  const rules: EmulatorRule[] = [];
  for (const doc of docs) {
    if (
      doc.kind === 'ClusterRole' &&
      boundTo('ClusterRole', doc.metadata.name).length
    ) {
      rules.push(...doc.rules);
    }
    if (doc.kind === 'Role') {
      const namespaces = boundTo('Role', doc.metadata.name)
        .filter(
          binding => binding.metadata.namespace === doc.metadata.namespace,
        )
        .map(binding => binding.metadata.namespace);
      if (namespaces.length) {
        rules.push(
          ...doc.rules.map((rule: EmulatorRule) => ({ ...rule, namespaces })),
        );
      }
    }
  }
  return rules;
}

const ENTITY = '/entities/component/default/private-svc';
const SECRET_NAMESPACES = ['argo', 'batch'];

describe('pull secrets stay in the cluster namespaces, with the documented least-privilege RBAC', () => {
  let clusters: TestCluster[];
  let knex: Knex;
  let backend: ReliabilityBackend;
  const rules = documentedRules();

  beforeAll(async () => {
    const emulator = await startEmulator({
      port: 0,
      host: '127.0.0.1',
      manualClock: true,
      startTime: Date.now(),
      region: 'cn-hangzhou',
      clusterName: 'ack-hangzhou',
      tokens: {
        users: [
          {
            name: 'admin',
            token: 'admin-token',
            rules: [
              { verbs: ['*'], apiGroups: ['*'], resources: ['*'] },
              { verbs: ['*'], nonResourceURLs: ['*'] },
            ],
          },
          { name: 'backstage', token: 'documented-rbac-token', rules },
        ],
      },
    });
    clusters = [{ name: 'ack-hangzhou', region: 'cn-hangzhou', emulator }];
    putSecret(emulator, 'argo', 'regcred', { '.dockerconfigjson': '{}' });
    putSecret(emulator, 'kube-system', 'registry-cred', {
      '.dockerconfigjson': '{}',
    });
    knex = sqliteMemory();
    backend = await startReliabilityBackend({
      clusters,
      catalog: new FakeCatalog([
        component('private-svc', {
          [ANNOTATION_ECI_IMAGES]: 'nginx:1.25.3',
          [ANNOTATION_ECI_IMAGE_CACHE]: 'manual',
        }),
        component('annotated-outside', {
          [ANNOTATION_ECI_IMAGES]: 'busybox:1.36',
          [ANNOTATION_ECI_IMAGE_CACHE]: 'manual',
          [ANNOTATION_ECI_IMAGE_PULL_SECRETS]: 'kube-system:registry-cred',
        }),
      ]),
      knex,
      scheduler: 'manual',
      clusterConfig: {
        'ack-hangzhou': {
          serviceAccountToken: 'documented-rbac-token',
          allowedNamespaces: SECRET_NAMESPACES,
          defaultNamespace: 'argo',
        },
      },
    });
    await backend.waitForSync();
  });

  afterAll(() => stopSuite({ clusters, knex, backend }));

  it('reads the documented rules: Secrets only through Roles in the allowed namespaces', () => {
    const secretRules = rules.filter(rule =>
      rule.resources.includes('secrets'),
    );
    expect(secretRules.map(rule => [rule.verbs, rule.namespaces])).toEqual([
      [['get'], ['argo']],
      [['get'], ['batch']],
    ]);
  });

  it('refuses secrets outside the namespaces and missing ones with one message (no oracle), asking the cluster about none outside', async () => {
    const emulator = clusters[0].emulator;
    emulator.stats.reset();
    const refusals: Record<string, { status: number; message: string }> = {};
    for (const secret of [
      'kube-system:registry-cred', // exists, not allowed
      'kube-system:nope', // missing, not allowed
      'batch:missing', // missing, allowed
      'default:secret1', // namespace of neither
    ]) {
      const res = await backend.post(`${ENTITY}/caches`, {
        imagePullSecrets: [secret],
      });
      refusals[secret] = {
        status: res.status,
        message: String(res.body.error?.message)
          .split(`"${secret}"`)
          .join('"<secret>"'),
      };
    }
    const messages = new Set(Object.values(refusals).map(r => r.message));
    expect(Object.values(refusals).map(r => r.status)).toEqual([
      400, 400, 400, 400,
    ]);
    expect([...messages]).toEqual([
      'Invalid cache request: `imagePullSecrets`: "<secret>" is not a pull secret of cluster "ack-hangzhou" (a Secret that exists in namespace argo or batch)',
    ]);
    // Only the allowed namespace was asked about; the token was never refused.
    expect(emulator.stats.snapshot().byCode['403'] ?? 0).toBe(0);
    expect(imageCaches(emulator)).toHaveLength(0);

    // Saved settings: the same rule, nothing saved.
    const settings = await backend.put(`${ENTITY}/settings`, {
      imagePullSecrets: ['kube-system:registry-cred'],
    });
    expect(settings.status).toBe(400);
    expect(settings.body.error.message).toContain(
      '`imagePullSecrets`: "kube-system:registry-cred" is not a pull secret of cluster "ack-hangzhou"',
    );
    expect((await pluginRowCounts(knex)).eci_entity_settings).toBe(0);

    // Annotation: reported as a problem, and the reconciler creates nothing for it.
    const state = await backend.get(
      '/entities/component/default/annotated-outside',
    );
    expect(JSON.stringify(state.body.problems)).toContain(
      'pull-secret-unusable',
    );
    await backend.reconcile();
    expect(
      imageCaches(emulator).filter(cache =>
        JSON.stringify(cache.spec).includes('kube-system'),
      ),
    ).toEqual([]);

    // The documented rules are enough for everything else: a cache with an allowed secret.
    requireStatus(
      await backend.post(`${ENTITY}/caches`, {
        imagePullSecrets: ['argo:regcred'],
      }),
      201,
      'a cache with a secret in an allowed namespace',
    );
    expect(emulator.stats.snapshot().byCode['403'] ?? 0).toBe(0);
    printSummary('pull-secrets', {
      refused: Object.keys(refusals).length + 2,
      distinctMessages: messages.size,
      forbiddenClusterRequests: emulator.stats.snapshot().byCode['403'] ?? 0,
    });
  });
});

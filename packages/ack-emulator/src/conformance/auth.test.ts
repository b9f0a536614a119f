import { CustomObjectsApi, KubeConfig } from '@kubernetes/client-node';
import type { RunningEmulator } from '../emulator/options';
import type { TokenFile } from '../auth/tokenFile';
import {
  clientsFor,
  expectStatus,
  IMAGECACHES,
  imageCacheBody,
  kubeConfigFor,
  rawRequest,
  startTestEmulator,
} from '../__testUtils__/emulatorClients';

const tokens: TokenFile = {
  users: [
    {
      name: 'admin',
      token: 'admin-t',
      rules: [
        { verbs: ['*'], apiGroups: ['*'], resources: ['*'] },
        { verbs: ['*'], nonResourceURLs: ['*'] },
      ],
    },
    {
      name: 'backstage',
      token: 'backstage-t',
      rules: [
        {
          verbs: ['get'],
          apiGroups: ['eci.alibabacloud.com'],
          resources: ['imagecaches'],
        },
      ],
    },
    {
      name: 'x',
      token: 'x-t',
      rules: [
        { verbs: ['get', 'watch'], apiGroups: [''], resources: ['secrets'] },
      ],
    },
    {
      name: 'role-bound',
      token: 'role-bound-t',
      rules: [
        {
          verbs: ['get'],
          apiGroups: [''],
          resources: ['secrets'],
          namespaces: ['argo'],
        },
      ],
    },
  ],
};

describe('authentication and authorization', () => {
  let emulator: RunningEmulator;

  afterEach(() => emulator.stop());

  it('answers 401 without a valid bearer token', async () => {
    emulator = await startTestEmulator({ controllers: false });
    for (const token of [null, 'wrong']) {
      const response = await rawRequest(
        emulator,
        'GET',
        '/apis/eci.alibabacloud.com/v1/imagecaches',
        { token },
      );
      expect(response.status).toBe(401);
      expect(response.json).toEqual({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'Unauthorized',
        reason: 'Unauthorized',
        code: 401,
      });
    }
    const { custom } = clientsFor(emulator);
    const anonymous = new KubeConfig();
    anonymous.loadFromOptions({
      clusters: [{ name: 'c', server: emulator.url, skipTLSVerify: true }],
      users: [{ name: 'u', token: 'nope' }],
      contexts: [{ name: 'c', cluster: 'c', user: 'u' }],
      currentContext: 'c',
    });
    await expect(
      anonymous
        .makeApiClient(CustomObjectsApi)
        .listClusterCustomObject({ ...IMAGECACHES }),
    ).rejects.toMatchObject({ code: 401 });
    expect(
      await custom.listClusterCustomObject({ ...IMAGECACHES }),
    ).toMatchObject({ items: [] });
    expect(
      (await rawRequest(emulator, 'GET', '/version', { token: null })).json
        .gitVersion,
    ).toMatch(/^v1\.32/);
  });

  it('answers 403 with the apiserver message for verbs and resources outside the rules', async () => {
    emulator = await startTestEmulator({ controllers: false, tokens });
    const { custom, core } = clientsFor(emulator, 'x');
    const list = await expectStatus(
      custom.listClusterCustomObject({ ...IMAGECACHES }),
    );
    expect(list).toMatchObject({
      code: 403,
      reason: 'Forbidden',
      message:
        'imagecaches.eci.alibabacloud.com is forbidden: User "x" cannot list resource "imagecaches" in API group "eci.alibabacloud.com" at the cluster scope',
      details: { group: 'eci.alibabacloud.com', kind: 'imagecaches' },
    });
    const secrets = await expectStatus(
      core.listNamespacedSecret({ namespace: 'default' }),
    );
    expect(secrets.message).toBe(
      'secrets is forbidden: User "x" cannot list resource "secrets" in API group "" in the namespace "default"',
    );
    const missing = await expectStatus(
      core.readNamespacedSecret({ name: 'nope', namespace: 'default' }),
    );
    expect(missing.code).toBe(404);

    const backstage = clientsFor(emulator, 'backstage').custom;
    await clientsFor(emulator, 'admin').custom.createClusterCustomObject({
      ...IMAGECACHES,
      body: imageCacheBody('c'),
    });
    expect(
      (await backstage.getClusterCustomObject({ ...IMAGECACHES, name: 'c' }))
        .metadata.name,
    ).toBe('c');
    const status = await expectStatus(
      backstage.getClusterCustomObjectStatus({ ...IMAGECACHES, name: 'c' }),
    );
    expect(status.message).toBe(
      'imagecaches.eci.alibabacloud.com "c" is forbidden: User "backstage" cannot get resource "imagecaches/status" in API group "eci.alibabacloud.com" at the cluster scope',
    );
  });

  it('limits a rule with namespaces to those namespaces, like a Role bound there', async () => {
    emulator = await startTestEmulator({ controllers: false, tokens });
    const { core } = clientsFor(emulator, 'role-bound');
    const missing = await expectStatus(
      core.readNamespacedSecret({ name: 'nope', namespace: 'argo' }),
    );
    expect(missing.code).toBe(404);
    const outside = await expectStatus(
      core.readNamespacedSecret({ name: 'nope', namespace: 'kube-system' }),
    );
    expect(outside.message).toBe(
      'secrets "nope" is forbidden: User "role-bound" cannot get resource "secrets" in API group "" in the namespace "kube-system"',
    );
    const list = await expectStatus(core.listSecretForAllNamespaces());
    expect(list.code).toBe(403);
  });

  it('gives the default backstage token what the portal backend needs and nothing more', async () => {
    emulator = await startTestEmulator({ controllers: false });
    const { custom, core } = clientsFor(emulator, 'backstage');
    const created = await custom.createClusterCustomObject({
      ...IMAGECACHES,
      body: imageCacheBody('b'),
    });
    expect(created.metadata.name).toBe('b');
    expect(
      await custom.getClusterCustomObjectStatus({ ...IMAGECACHES, name: 'b' }),
    ).toBeDefined();
    await expect(
      core.listNamespacedPod({ namespace: 'default' }),
    ).resolves.toBeDefined();
    expect(
      (await expectStatus(core.listNamespacedSecret({ namespace: 'default' })))
        .code,
    ).toBe(403);
    expect(
      (
        await expectStatus(
          core.createNamespace({ body: { metadata: { name: 'n' } } }),
        )
      ).code,
    ).toBe(403);
    const admin = await rawRequest(emulator, 'GET', '/_emulator/stats', {
      token: emulator.tokens.backstage,
    });
    expect(admin.status).toBe(403);
  });

  it('serves HTTPS with a generated CA that clients verify through caData', async () => {
    emulator = await startTestEmulator({ controllers: false, tls: true });
    expect(emulator.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(emulator.caData).toContain('BEGIN CERTIFICATE');
    const { custom } = clientsFor(emulator);
    await custom.createClusterCustomObject({
      ...IMAGECACHES,
      body: imageCacheBody('tls'),
    });
    expect(
      (await custom.listClusterCustomObject({ ...IMAGECACHES })).items,
    ).toHaveLength(1);

    const untrusted = kubeConfigFor({ ...emulator, caData: undefined });
    const failure = await untrusted
      .makeApiClient(CustomObjectsApi)
      .listClusterCustomObject({ ...IMAGECACHES })
      .then(
        () => undefined,
        (error: Error & { cause?: { code?: string } }) => error,
      );
    expect(failure?.cause?.code).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
  });
});

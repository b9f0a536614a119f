import {
  ApiextensionsV1Api,
  PatchStrategy,
  setHeaderOptions,
} from '@kubernetes/client-node';
import type { RunningEmulator } from '../emulator/options';
import {
  clientsFor,
  expectStatus,
  IMAGECACHES,
  imageCacheBody,
  startTestEmulator,
} from '../__testUtils__/emulatorClients';

describe('CRUD through @kubernetes/client-node', () => {
  let emulator: RunningEmulator;
  let custom: ReturnType<typeof clientsFor>['custom'];
  let core: ReturnType<typeof clientsFor>['core'];

  beforeEach(async () => {
    emulator = await startTestEmulator({ controllers: false });
    ({ custom, core } = clientsFor(emulator));
  });
  afterEach(() => emulator.stop());

  it('creates, reads, replaces and deletes a cluster-scoped ImageCache', async () => {
    const created = await custom.createClusterCustomObject({
      ...IMAGECACHES,
      body: imageCacheBody('one'),
    });
    expect(created.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.metadata.creationTimestamp).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/,
    );
    expect(created.metadata.generation).toBe(1);
    expect(created.metadata.namespace).toBeUndefined();

    const read = await custom.getClusterCustomObject({
      ...IMAGECACHES,
      name: 'one',
    });
    expect(read).toEqual(created);

    read.spec.retentionDays = 7;
    const replaced = await custom.replaceClusterCustomObject({
      ...IMAGECACHES,
      name: 'one',
      body: read,
    });
    expect(replaced.metadata.generation).toBe(2);
    expect(Number(replaced.metadata.resourceVersion)).toBeGreaterThan(
      Number(created.metadata.resourceVersion),
    );

    const deleted = await custom.deleteClusterCustomObject({
      ...IMAGECACHES,
      name: 'one',
    });
    expect(deleted.metadata.name).toBe('one');
    const missing = await expectStatus(
      custom.getClusterCustomObject({ ...IMAGECACHES, name: 'one' }),
    );
    expect(missing).toMatchObject({
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Failure',
      reason: 'NotFound',
      code: 404,
      message: 'imagecaches.eci.alibabacloud.com "one" not found',
      details: {
        name: 'one',
        group: 'eci.alibabacloud.com',
        kind: 'imagecaches',
      },
    });
  });

  it('rejects duplicates with AlreadyExists and stale writes with Conflict', async () => {
    const created = await custom.createClusterCustomObject({
      ...IMAGECACHES,
      body: imageCacheBody('dup'),
    });
    const duplicate = await expectStatus(
      custom.createClusterCustomObject({
        ...IMAGECACHES,
        body: imageCacheBody('dup'),
      }),
    );
    expect(duplicate).toMatchObject({
      code: 409,
      reason: 'AlreadyExists',
      message: 'imagecaches.eci.alibabacloud.com "dup" already exists',
    });

    await custom.replaceClusterCustomObject({
      ...IMAGECACHES,
      name: 'dup',
      body: { ...created, spec: { images: ['busybox'] } },
    });
    const stale = await expectStatus(
      custom.replaceClusterCustomObject({
        ...IMAGECACHES,
        name: 'dup',
        body: { ...created, spec: { images: ['alpine:3.20'] } },
      }),
    );
    expect(stale).toMatchObject({
      code: 409,
      reason: 'Conflict',
      message:
        'Operation cannot be fulfilled on imagecaches.eci.alibabacloud.com "dup": the object has been modified; please apply your changes to the latest version and try again',
    });
  });

  it('bumps generation on spec changes only and keeps resourceVersion global and monotonic', async () => {
    const a = await custom.createClusterCustomObject({
      ...IMAGECACHES,
      body: imageCacheBody('a'),
    });
    const b = await custom.createClusterCustomObject({
      ...IMAGECACHES,
      body: imageCacheBody('b'),
    });
    expect(Number(b.metadata.resourceVersion)).toBe(
      Number(a.metadata.resourceVersion) + 1,
    );

    const labelled = await custom.patchClusterCustomObject(
      {
        ...IMAGECACHES,
        name: 'a',
        body: { metadata: { labels: { team: 'ml' } } },
      },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    expect(labelled.metadata.generation).toBe(1);
    const resized = await custom.patchClusterCustomObject(
      {
        ...IMAGECACHES,
        name: 'a',
        body: [{ op: 'add', path: '/spec/imageCacheSize', value: 40 }],
      },
      setHeaderOptions('Content-Type', PatchStrategy.JsonPatch),
    );
    expect(resized.metadata.generation).toBe(2);
    expect(resized.spec.imageCacheSize).toBe(40);

    const unchanged = await custom.replaceClusterCustomObject({
      ...IMAGECACHES,
      name: 'a',
      body: resized,
    });
    expect(unchanged.metadata.resourceVersion).toBe(
      resized.metadata.resourceVersion,
    );
  });

  it('keeps status and spec writes apart through the status subresource', async () => {
    const created = await custom.createClusterCustomObject({
      ...IMAGECACHES,
      body: { ...imageCacheBody('s'), status: { phase: 'Ready' } },
    });
    expect(created.status).toBeUndefined();

    const withStatus = await custom.replaceClusterCustomObjectStatus({
      ...IMAGECACHES,
      name: 's',
      body: {
        ...created,
        spec: { images: ['ignored:1'] },
        status: { phase: 'Creating', progress: '10%' },
      },
    });
    expect(withStatus.status).toEqual({ phase: 'Creating', progress: '10%' });
    expect(withStatus.spec.images).toEqual(['nginx:1.25.3']);
    expect(withStatus.metadata.generation).toBe(1);

    const mainWrite = await custom.replaceClusterCustomObject({
      ...IMAGECACHES,
      name: 's',
      body: { ...withStatus, status: { phase: 'Hacked' } },
    });
    expect(mainWrite.status).toEqual({ phase: 'Creating', progress: '10%' });

    const patched = await custom.patchClusterCustomObjectStatus(
      { ...IMAGECACHES, name: 's', body: { status: { progress: '50%' } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    expect(patched.status).toEqual({ phase: 'Creating', progress: '50%' });
    const fetched = await custom.getClusterCustomObjectStatus({
      ...IMAGECACHES,
      name: 's',
    });
    expect(fetched.status.progress).toBe('50%');
  });

  it('accepts merge patches on custom resources and supports server-side apply', async () => {
    await custom.createClusterCustomObject({
      ...IMAGECACHES,
      body: imageCacheBody('p', { images: ['nginx'], retentionDays: 3 }),
    });
    const merged = await custom.patchClusterCustomObject(
      {
        ...IMAGECACHES,
        name: 'p',
        body: { spec: { retentionDays: null, imageCacheSize: 30 } },
      },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    expect(merged.spec).toEqual({ images: ['nginx'], imageCacheSize: 30 });

    const applied = await custom.patchClusterCustomObject(
      {
        ...IMAGECACHES,
        name: 'applied',
        fieldManager: 'portal',
        body: imageCacheBody('applied', {
          images: ['busybox'],
          retentionDays: 2,
        }),
      },
      setHeaderOptions('Content-Type', PatchStrategy.ServerSideApply),
    );
    expect(applied.spec).toEqual({ images: ['busybox'], retentionDays: 2 });
    expect(applied.metadata.managedFields[0]).toMatchObject({
      manager: 'portal',
      operation: 'Apply',
    });

    const reapplied = await custom.patchClusterCustomObject(
      {
        ...IMAGECACHES,
        name: 'applied',
        fieldManager: 'portal',
        body: imageCacheBody('applied', { images: ['busybox'] }),
      },
      setHeaderOptions('Content-Type', PatchStrategy.ServerSideApply),
    );
    expect(reapplied.spec).toEqual({ images: ['busybox'] });

    const conflict = await expectStatus(
      custom.patchClusterCustomObject(
        {
          ...IMAGECACHES,
          name: 'applied',
          fieldManager: 'other',
          body: imageCacheBody('applied', { images: ['alpine:3.20'] }),
        },
        setHeaderOptions('Content-Type', PatchStrategy.ServerSideApply),
      ),
    );
    expect(conflict).toMatchObject({ code: 409, reason: 'Conflict' });
    expect(conflict.message).toBe(
      'Apply failed with 1 conflict: conflict with "portal" using eci.alibabacloud.com/v1: .spec.images',
    );

    const forced = await custom.patchClusterCustomObject(
      {
        ...IMAGECACHES,
        name: 'applied',
        fieldManager: 'other',
        force: true,
        body: imageCacheBody('applied', { images: ['alpine:3.20'] }),
      },
      setHeaderOptions('Content-Type', PatchStrategy.ServerSideApply),
    );
    expect(forced.spec.images).toEqual(['alpine:3.20']);
  });

  it('does not persist dry runs', async () => {
    const dry = await custom.createClusterCustomObject({
      ...IMAGECACHES,
      dryRun: 'All',
      body: imageCacheBody('dry'),
    });
    expect(dry.metadata.name).toBe('dry');
    expect(
      (
        await expectStatus(
          custom.getClusterCustomObject({ ...IMAGECACHES, name: 'dry' }),
        )
      ).code,
    ).toBe(404);
    await custom.createClusterCustomObject({
      ...IMAGECACHES,
      body: imageCacheBody('wet'),
    });
    await custom.deleteClusterCustomObject({
      ...IMAGECACHES,
      name: 'wet',
      dryRun: 'All',
    });
    expect(
      (await custom.getClusterCustomObject({ ...IMAGECACHES, name: 'wet' }))
        .metadata.name,
    ).toBe('wet');
  });

  it('generates names from generateName', async () => {
    const created = await custom.createClusterCustomObject({
      ...IMAGECACHES,
      body: {
        apiVersion: 'eci.alibabacloud.com/v1',
        kind: 'ImageCache',
        metadata: { generateName: 'gen-' },
        spec: { images: ['nginx'] },
      },
    });
    expect(created.metadata.name).toMatch(
      /^gen-[bcdfghjklmnpqrstvwxz2456789]{5}$/,
    );
  });

  it('keeps objects with finalizers until the finalizers are removed', async () => {
    await custom.createClusterCustomObject({
      ...IMAGECACHES,
      body: imageCacheBody('fin', undefined, {
        finalizers: ['example.com/keep'],
      }),
    });
    await custom.deleteClusterCustomObject({ ...IMAGECACHES, name: 'fin' });
    const terminating = await custom.getClusterCustomObject({
      ...IMAGECACHES,
      name: 'fin',
    });
    expect(terminating.metadata.deletionTimestamp).toBeDefined();

    const addFinalizer = await expectStatus(
      custom.patchClusterCustomObject(
        {
          ...IMAGECACHES,
          name: 'fin',
          body: {
            metadata: { finalizers: ['example.com/keep', 'example.com/more'] },
          },
        },
        setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
      ),
    );
    expect(addFinalizer).toMatchObject({ code: 422, reason: 'Invalid' });

    await custom.patchClusterCustomObject(
      { ...IMAGECACHES, name: 'fin', body: { metadata: { finalizers: null } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    const gone = await expectStatus(
      custom.getClusterCustomObject({ ...IMAGECACHES, name: 'fin' }),
    );
    expect(gone.code).toBe(404);
  });

  it('deletes collections by label selector', async () => {
    for (const [name, team] of [
      ['x1', 'a'],
      ['x2', 'a'],
      ['x3', 'b'],
    ]) {
      await custom.createClusterCustomObject({
        ...IMAGECACHES,
        body: imageCacheBody(name, undefined, { labels: { team } }),
      });
    }
    const deleted = await custom.deleteCollectionClusterCustomObject({
      ...IMAGECACHES,
      labelSelector: 'team=a',
    });
    expect(deleted.items.map((i: any) => i.metadata.name)).toEqual([
      'x1',
      'x2',
    ]);
    const left = await custom.listClusterCustomObject({ ...IMAGECACHES });
    expect(left.items.map((i: any) => i.metadata.name)).toEqual(['x3']);
  });

  it('serves core v1 secrets, namespaces and pods', async () => {
    await core.createNamespace({ body: { metadata: { name: 'team-a' } } });
    const secret = await core.createNamespacedSecret({
      namespace: 'team-a',
      body: {
        metadata: { name: 'pull' },
        type: 'kubernetes.io/dockerconfigjson',
        data: { '.dockerconfigjson': 'e30=' },
      },
    });
    expect(secret.metadata?.namespace).toBe('team-a');
    const read = await core.readNamespacedSecret({
      name: 'pull',
      namespace: 'team-a',
    });
    expect(read.data).toEqual({ '.dockerconfigjson': 'e30=' });

    const noNamespace = await expectStatus(
      core.createNamespacedSecret({
        namespace: 'nope',
        body: { metadata: { name: 's' } },
      }),
    );
    expect(noNamespace).toMatchObject({
      code: 404,
      message: 'namespaces "nope" not found',
    });

    const pod = await core.createNamespacedPod({
      namespace: 'team-a',
      body: {
        metadata: { name: 'p' },
        spec: { containers: [{ name: 'main', image: 'nginx' }] },
      },
    });
    expect(pod.status?.phase).toBe('Pending');

    await core.deleteNamespace({ name: 'team-a' });
    // Without the namespace controller (controllers: false) it stays Terminating, as on a real apiserver.
    const terminating = await core.readNamespace({ name: 'team-a' });
    expect(terminating.status?.phase).toBe('Terminating');
    const refused = await expectStatus(
      core.createNamespacedSecret({
        namespace: 'team-a',
        body: { metadata: { name: 'late' } },
      }),
    );
    expect(refused).toMatchObject({
      code: 403,
      message:
        'secrets "late" is forbidden: unable to create new content in namespace team-a because it is being terminated',
    });
  });

  it('serves CustomResourceDefinitions read-only', async () => {
    const { kc } = clientsFor(emulator);
    const crds = kc.makeApiClient(ApiextensionsV1Api);
    const crd = await crds.readCustomResourceDefinition({
      name: 'imagecaches.eci.alibabacloud.com',
    });
    expect(crd.spec.names.shortNames).toEqual(['ic']);
    expect(
      crd.status?.conditions?.find(c => c.type === 'Established')?.status,
    ).toBe('True');
    const denied = await expectStatus(
      crds.deleteCustomResourceDefinition({
        name: 'imagecaches.eci.alibabacloud.com',
      }),
    );
    expect(denied).toMatchObject({ code: 405, reason: 'MethodNotAllowed' });
  });
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningEmulator } from '../emulator/options';
import {
  imageCacheBody,
  rawRequest,
  startTestEmulator,
} from '../__testUtils__/emulatorClients';
import {
  describeWithKubectl,
  startKubectlSession,
  type KubectlSession,
} from '../__testUtils__/kubectl';
import { TOO_LARGE_WAIT_MS } from '../api/listResourceVersion';
import { NAMESPACE_FINALIZE_MS } from '../gc/NamespaceController';

const IC_PATH = '/apis/eci.alibabacloud.com/v1/imagecaches';

describe('API details a real apiserver enforces', () => {
  let emulator: RunningEmulator;
  beforeEach(async () => {
    emulator = await startTestEmulator();
  });
  afterEach(() => emulator.stop());

  const create = (name: string, metadata: Record<string, unknown> = {}) =>
    rawRequest(emulator, 'POST', IC_PATH, {
      body: imageCacheBody(name, undefined, metadata),
    });

  it('refuses a PUT of a custom resource without metadata.resourceVersion', async () => {
    await create('one');
    const put = await rawRequest(emulator, 'PUT', `${IC_PATH}/one`, {
      body: imageCacheBody('one', {
        images: ['nginx:1.25.3'],
        retentionDays: 3,
      }),
    });
    expect(put.status).toBe(422);
    expect(put.json).toMatchObject({
      reason: 'Invalid',
      message:
        'ImageCache.eci.alibabacloud.com "one" is invalid: metadata.resourceVersion: Invalid value: 0x0: must be specified for an update',
    });
    const missing = await rawRequest(emulator, 'PUT', `${IC_PATH}/nope`, {
      body: imageCacheBody('nope'),
    });
    expect(missing.status).toBe(404);
    // Built-in kinds allow unconditional updates.
    await rawRequest(emulator, 'POST', '/api/v1/namespaces/default/secrets', {
      body: { metadata: { name: 's' }, stringData: { a: 'b' } },
    });
    const secret = await rawRequest(
      emulator,
      'PUT',
      '/api/v1/namespaces/default/secrets/s',
      { body: { metadata: { name: 's' }, data: { a: 'Yw==' } } },
    );
    expect(secret.status).toBe(200);
  });

  it('refuses strategic merge patches on custom resources, listing the accepted types', async () => {
    await create('one');
    const patched = await rawRequest(emulator, 'PATCH', `${IC_PATH}/one`, {
      body: { spec: { retentionDays: 3 } },
      headers: { 'Content-Type': 'application/strategic-merge-patch+json' },
    });
    expect(patched.status).toBe(415);
    expect(patched.json.message).toBe(
      'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml',
    );
    const merge = await rawRequest(emulator, 'PATCH', `${IC_PATH}/one`, {
      body: { spec: { retentionDays: 3 } },
      headers: { 'Content-Type': 'application/merge-patch+json' },
    });
    expect(merge.status).toBe(200);
  });

  it('counts the remaining items of an unfiltered page', async () => {
    for (const name of ['a', 'b', 'c', 'd', 'e']) await create(name);
    const first = await rawRequest(emulator, 'GET', `${IC_PATH}?limit=2`);
    expect(first.json.metadata.remainingItemCount).toBe(3);
    const second = await rawRequest(
      emulator,
      'GET',
      `${IC_PATH}?limit=2&continue=${first.json.metadata.continue}`,
    );
    expect(second.json.metadata.remainingItemCount).toBe(1);
    const last = await rawRequest(
      emulator,
      'GET',
      `${IC_PATH}?limit=2&continue=${second.json.metadata.continue}`,
    );
    expect(last.json.metadata).not.toHaveProperty('remainingItemCount');
    expect(last.json.metadata).not.toHaveProperty('continue');
    const filtered = await rawRequest(
      emulator,
      'GET',
      `${IC_PATH}?limit=2&fieldSelector=metadata.name!=a`,
    );
    expect(filtered.json.metadata.continue).toBeDefined();
    expect(filtered.json.metadata).not.toHaveProperty('remainingItemCount');
    const inNamespace = await rawRequest(
      emulator,
      'GET',
      '/api/v1/namespaces/default/events?limit=1',
    );
    expect(inNamespace.json.metadata).not.toHaveProperty('continue');
  });

  it('waits for a too large resourceVersion, then answers 504', async () => {
    const current = emulator.store.currentResourceVersion();
    const started = Date.now();
    const tooLarge = await rawRequest(
      emulator,
      'GET',
      `${IC_PATH}?resourceVersion=${current + 1000}`,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(TOO_LARGE_WAIT_MS - 50);
    expect(tooLarge.status).toBe(504);
    expect(tooLarge.json).toMatchObject({
      reason: 'Timeout',
      message: `Timeout: Too large resource version: ${
        current + 1000
      }, current: ${current}`,
      details: {
        causes: [
          {
            reason: 'ResourceVersionTooLarge',
            message: 'Too large resource version',
          },
        ],
        retryAfterSeconds: 1,
      },
    });
    // A version that arrives while the list waits is served.
    const pending = rawRequest(
      emulator,
      'GET',
      `${IC_PATH}?resourceVersion=${current + 1}`,
    );
    await create('late');
    expect((await pending).status).toBe(200);
  });

  it('forbids resourceVersionMatch without a resourceVersion', async () => {
    const list = await rawRequest(
      emulator,
      'GET',
      `${IC_PATH}?resourceVersionMatch=NotOlderThan`,
    );
    expect(list.status).toBe(422);
    expect(list.json.message).toBe(
      'ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided',
    );
    const unsupported = await rawRequest(
      emulator,
      'GET',
      `${IC_PATH}?resourceVersion=1&resourceVersionMatch=Newest`,
    );
    expect(unsupported.status).toBe(422);
  });

  it('returns no resourceVersion from a dry-run create', async () => {
    const dry = await rawRequest(emulator, 'POST', `${IC_PATH}?dryRun=All`, {
      body: imageCacheBody('dry'),
    });
    expect(dry.status).toBe(201);
    expect(dry.json.metadata.uid).toBeDefined();
    expect(dry.json.metadata).not.toHaveProperty('resourceVersion');
    expect((await rawRequest(emulator, 'GET', `${IC_PATH}/dry`)).status).toBe(
      404,
    );
  });

  it('bumps generation when a finalizer holds a deleted object', async () => {
    await create('held', { finalizers: ['example.com/hold'] });
    const deleted = await rawRequest(emulator, 'DELETE', `${IC_PATH}/held`);
    expect(deleted.json.metadata.deletionTimestamp).toBeDefined();
    expect(deleted.json.metadata.generation).toBe(2);
  });

  it('refuses annotations larger than 256 KiB in total', async () => {
    const big = await create('big', {
      annotations: { a: 'x'.repeat(200 * 1024), b: 'y'.repeat(100 * 1024) },
    });
    expect(big.status).toBe(422);
    expect(big.json.message).toBe(
      'ImageCache.eci.alibabacloud.com "big" is invalid: metadata.annotations: Too long: may not be more than 262144 bytes',
    );
    expect(
      (await create('fits', { annotations: { a: 'x'.repeat(262_000) } }))
        .status,
    ).toBe(201);
  });

  it('records co-ownership when a second manager applies the same value', async () => {
    const apply = (manager: string, retentionDays: number) =>
      rawRequest(
        emulator,
        'PATCH',
        `${IC_PATH}/shared?fieldManager=${manager}`,
        {
          body: JSON.stringify(
            imageCacheBody('shared', {
              images: ['nginx:1.25.3'],
              retentionDays,
            }),
          ),
          headers: { 'Content-Type': 'application/apply-patch+yaml' },
        },
      );
    expect((await apply('first', 3)).status).toBe(201);
    const second = await apply('second', 3);
    expect(second.status).toBe(200);
    const owners = (second.json.metadata.managedFields as any[])
      .filter(e => JSON.stringify(e.fieldsV1).includes('f:retentionDays'))
      .map(e => e.manager)
      .sort();
    expect(owners).toEqual(['first', 'second']);
    const conflict = await apply('first', 4);
    expect(conflict.status).toBe(409);
    expect(conflict.json.message).toContain('conflict with "second"');
  });

  it('labels namespaces with their name and keeps a deleted one Terminating until its contents are gone', async () => {
    const created = await rawRequest(emulator, 'POST', '/api/v1/namespaces', {
      body: { metadata: { name: 'team-a', labels: { team: 'a' } } },
    });
    expect(created.json.metadata.labels).toEqual({
      team: 'a',
      'kubernetes.io/metadata.name': 'team-a',
    });
    expect(created.json.spec).toEqual({ finalizers: ['kubernetes'] });
    await rawRequest(emulator, 'POST', '/api/v1/namespaces/team-a/secrets', {
      body: { metadata: { name: 's' } },
    });
    const deleted = await rawRequest(
      emulator,
      'DELETE',
      '/api/v1/namespaces/team-a',
    );
    expect(deleted.status).toBe(202);
    expect(deleted.json.status).toEqual({ phase: 'Terminating' });
    expect(deleted.json.metadata.deletionTimestamp).toBeDefined();
    const refused = await rawRequest(
      emulator,
      'POST',
      '/api/v1/namespaces/team-a/secrets',
      { body: { metadata: { name: 't' } } },
    );
    expect(refused.status).toBe(403);
    emulator.advance(NAMESPACE_FINALIZE_MS);
    expect(
      (await rawRequest(emulator, 'GET', '/api/v1/namespaces/team-a')).status,
    ).toBe(404);
    expect(
      (await rawRequest(emulator, 'GET', '/api/v1/namespaces/team-a/secrets/s'))
        .status,
    ).toBe(404);
  });
});

describeWithKubectl('kubectl meets the same API details', () => {
  let session: KubectlSession;
  beforeAll(async () => {
    session = await startKubectlSession();
    writeFileSync(
      join(session.dir, 'ic.yaml'),
      'apiVersion: eci.alibabacloud.com/v1\nkind: ImageCache\nmetadata:\n  name: k\nspec:\n  images: [nginx:1.25.3]\n',
    );
    const created = await session.kubectl('create', '-f', 'ic.yaml');
    if (created.code !== 0) throw new Error(created.stderr);
  });
  afterAll(() => session.stop());

  it('kubectl patch (strategic by default) is refused for an ImageCache; --type merge works', async () => {
    const strategic = await session.kubectl(
      'patch',
      'ic',
      'k',
      '-p',
      '{"spec":{"retentionDays":3}}',
    );
    expect(strategic.code).not.toBe(0);
    expect(strategic.stderr).toContain(
      'application/strategic-merge-patch+json is not supported by eci.alibabacloud.com/v1, Kind=ImageCache: the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml',
    );
    const merge = await session.kubectl(
      'patch',
      'ic',
      'k',
      '--type',
      'merge',
      '-p',
      '{"spec":{"retentionDays":3}}',
    );
    expect(merge).toMatchObject({
      code: 0,
      stdout: 'imagecache.eci.alibabacloud.com/k patched\n',
    });
  });

  it('kubectl get namespace shows the kubernetes.io/metadata.name label', async () => {
    const labels = await session.kubectl(
      'get',
      'ns',
      'default',
      '-o',
      'jsonpath={.metadata.labels.kubernetes\\.io/metadata\\.name}',
    );
    expect(labels.stdout).toBe('default');
  });
});

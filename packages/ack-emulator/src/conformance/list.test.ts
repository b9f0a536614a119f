import type { RunningEmulator } from '../emulator/options';
import {
  clientsFor,
  expectStatus,
  IMAGECACHES,
  imageCacheBody,
  rawRequest,
  startTestEmulator,
} from '../__testUtils__/emulatorClients';

const names = (list: { items: { metadata: { name: string } }[] }) =>
  list.items.map(item => item.metadata.name);

describe('list semantics', () => {
  let emulator: RunningEmulator;
  let custom: ReturnType<typeof clientsFor>['custom'];

  beforeEach(async () => {
    emulator = await startTestEmulator({ controllers: false });
    ({ custom } = clientsFor(emulator));
    const fixtures: [string, Record<string, string>][] = [
      ['delta', { tier: 'gpu', team: 'ml' }],
      ['alpha', { tier: 'cpu', team: 'web' }],
      ['charlie', { tier: 'gpu' }],
      ['bravo', { team: 'ml' }],
      ['echo', {}],
    ];
    for (const [name, labels] of fixtures) {
      await custom.createClusterCustomObject({
        ...IMAGECACHES,
        body: imageCacheBody(name, undefined, { labels }),
      });
    }
  });
  afterEach(() => emulator.stop());

  it('orders items by name and reports the list resourceVersion', async () => {
    const list = await custom.listClusterCustomObject({ ...IMAGECACHES });
    expect(names(list)).toEqual(['alpha', 'bravo', 'charlie', 'delta', 'echo']);
    expect(list.kind).toBe('ImageCacheList');
    expect(list.metadata.resourceVersion).toBe(
      String(emulator.store.currentResourceVersion()),
    );
  });

  it.each([
    ['tier=gpu', ['charlie', 'delta']],
    ['tier==gpu', ['charlie', 'delta']],
    ['tier!=gpu', ['alpha', 'bravo', 'echo']],
    ['tier in (gpu,cpu)', ['alpha', 'charlie', 'delta']],
    ['tier notin (gpu)', ['alpha', 'bravo', 'echo']],
    ['team', ['alpha', 'bravo', 'delta']],
    ['!team', ['charlie', 'echo']],
    ['tier=gpu,team=ml', ['delta']],
  ])('filters with labelSelector %s', async (labelSelector, expected) => {
    expect(
      names(
        await custom.listClusterCustomObject({ ...IMAGECACHES, labelSelector }),
      ),
    ).toEqual(expected);
  });

  it('filters with field selectors on metadata.name', async () => {
    expect(
      names(
        await custom.listClusterCustomObject({
          ...IMAGECACHES,
          fieldSelector: 'metadata.name=charlie',
        }),
      ),
    ).toEqual(['charlie']);
    expect(
      names(
        await custom.listClusterCustomObject({
          ...IMAGECACHES,
          fieldSelector: 'metadata.name!=charlie',
        }),
      ),
    ).toHaveLength(4);
    const unsupported = await expectStatus(
      custom.listClusterCustomObject({
        ...IMAGECACHES,
        fieldSelector: 'spec.images=x',
      }),
    );
    expect(unsupported).toMatchObject({
      code: 400,
      reason: 'BadRequest',
      message: 'field label not supported: spec.images',
    });
    const invalid = await expectStatus(
      custom.listClusterCustomObject({
        ...IMAGECACHES,
        labelSelector: 'a in (b',
      }),
    );
    expect(invalid.code).toBe(400);
  });

  it('pages with limit/continue over a consistent snapshot', async () => {
    const first = await custom.listClusterCustomObject({
      ...IMAGECACHES,
      limit: 2,
    });
    expect(names(first)).toEqual(['alpha', 'bravo']);
    expect(first.metadata.continue).toBeTruthy();

    await custom.createClusterCustomObject({
      ...IMAGECACHES,
      body: imageCacheBody('bz-new'),
    });
    await custom.deleteClusterCustomObject({ ...IMAGECACHES, name: 'delta' });
    await custom.patchClusterCustomObject({
      ...IMAGECACHES,
      name: 'charlie',
      body: [{ op: 'replace', path: '/spec/images', value: ['busybox'] }],
    });

    const second = await custom.listClusterCustomObject({
      ...IMAGECACHES,
      limit: 2,
      _continue: first.metadata.continue,
    });
    expect(names(second)).toEqual(['charlie', 'delta']);
    expect(second.items[0].spec.images).toEqual(['nginx:1.25.3']);
    expect(second.metadata.resourceVersion).toBe(
      first.metadata.resourceVersion,
    );
    const third = await custom.listClusterCustomObject({
      ...IMAGECACHES,
      limit: 2,
      _continue: second.metadata.continue,
    });
    expect(names(third)).toEqual(['echo']);
    expect(third.metadata.continue).toBeUndefined();

    const fresh = await custom.listClusterCustomObject({ ...IMAGECACHES });
    expect(names(fresh)).toEqual([
      'alpha',
      'bravo',
      'bz-new',
      'charlie',
      'echo',
    ]);
  });

  it('answers 410 Expired for a continue token older than the retained window', async () => {
    const first = await custom.listClusterCustomObject({
      ...IMAGECACHES,
      limit: 2,
    });
    await custom.createClusterCustomObject({
      ...IMAGECACHES,
      body: imageCacheBody('foxtrot'),
    });
    emulator.compact();
    const expired = await expectStatus(
      custom.listClusterCustomObject({
        ...IMAGECACHES,
        limit: 2,
        _continue: first.metadata.continue,
      }),
    );
    expect(expired).toMatchObject({ code: 410, reason: 'Expired' });
    expect(expired.message).toContain(
      'The provided continue parameter is too old',
    );
  });

  it('prints a Table from the CRD printer columns', async () => {
    emulator.store.update(
      emulator.store.registry.byGroupResource(
        'eci.alibabacloud.com',
        'imagecaches',
      ),
      {
        ...emulator.store.get(
          emulator.store.registry.byGroupResource(
            'eci.alibabacloud.com',
            'imagecaches',
          ),
          undefined,
          'alpha',
        )!.object,
        status: { phase: 'Ready', progress: '100%', imageCacheId: 'imc-abc' },
      },
      { subresource: 'status' },
    );
    emulator.advance(216_000);
    const response = await rawRequest(
      emulator,
      'GET',
      '/apis/eci.alibabacloud.com/v1/imagecaches?limit=2',
      {
        headers: {
          Accept:
            'application/json;as=Table;v=v1;g=meta.k8s.io,application/json',
        },
      },
    );
    expect(response.status).toBe(200);
    const table = response.json;
    expect(table).toMatchObject({
      kind: 'Table',
      apiVersion: 'meta.k8s.io/v1',
    });
    expect(
      table.columnDefinitions.map((c: { name: string }) => c.name),
    ).toEqual(['Name', 'Age', 'CacheId', 'Phase', 'Progress']);
    expect(table.rows[0].cells).toEqual([
      'alpha',
      '3m36s',
      'imc-abc',
      'Ready',
      '100%',
    ]);
    expect(table.rows[1].cells).toEqual(['bravo', '3m36s', null, null, null]);
    expect(table.rows[0].object).toMatchObject({
      kind: 'PartialObjectMetadata',
      metadata: { name: 'alpha' },
    });
    expect(table.metadata.continue).toBeTruthy();
  });

  it('prints default columns for core kinds', async () => {
    const pods = await rawRequest(
      emulator,
      'GET',
      '/api/v1/namespaces/default/pods',
      {
        headers: { Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' },
      },
    );
    expect(
      pods.json.columnDefinitions
        .filter((c: { priority: number }) => c.priority === 0)
        .map((c: { name: string }) => c.name),
    ).toEqual(['Name', 'Ready', 'Status', 'Restarts', 'Age']);
    const namespaces = await rawRequest(emulator, 'GET', '/api/v1/namespaces', {
      headers: { Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' },
    });
    expect(
      namespaces.json.rows.map((r: { cells: unknown[] }) => r.cells[0]),
    ).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system']);
  });
});

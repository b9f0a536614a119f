import {
  ADD,
  DELETE,
  ERROR,
  makeInformer,
  UPDATE,
  Watch,
  type KubernetesObject,
} from '@kubernetes/client-node';
import type { RunningEmulator } from '../emulator/options';
import {
  clientsFor,
  IMAGECACHES,
  imageCacheBody,
  startTestEmulator,
  waitFor,
} from '../__testUtils__/emulatorClients';

const PATH = '/apis/eci.alibabacloud.com/v1/imagecaches';

interface Received {
  type: string;
  object: any;
}

function collect(
  emulator: RunningEmulator,
  query: Record<string, string | number | boolean | undefined>,
) {
  const { kc } = clientsFor(emulator);
  const events: Received[] = [];
  let ended: unknown = 'open';
  const request = new Watch(kc).watch(
    PATH,
    query,
    (type, object) => events.push({ type, object }),
    error => {
      ended = error ?? null;
    },
  );
  return { events, ended: () => ended, request };
}

describe('watch through @kubernetes/client-node', () => {
  let emulator: RunningEmulator;
  let custom: ReturnType<typeof clientsFor>['custom'];

  beforeEach(async () => {
    emulator = await startTestEmulator({
      controllers: false,
      watchWindow: 50,
      bookmarkIntervalMs: 50,
    });
    ({ custom } = clientsFor(emulator));
  });
  afterEach(() => emulator.stop());

  it('resumes from a resourceVersion and streams ADDED/MODIFIED/DELETED in order', async () => {
    const first = await custom.createClusterCustomObject({
      ...IMAGECACHES,
      body: imageCacheBody('one'),
    });
    await custom.createClusterCustomObject({
      ...IMAGECACHES,
      body: imageCacheBody('two'),
    });
    const watch = collect(emulator, {
      resourceVersion: first.metadata.resourceVersion,
    });
    await waitFor(() => watch.events.length === 1, 5000, 'replayed event');
    expect(watch.events[0]).toMatchObject({
      type: 'ADDED',
      object: { metadata: { name: 'two' } },
    });

    await custom.patchClusterCustomObject({
      ...IMAGECACHES,
      name: 'one',
      body: [{ op: 'add', path: '/spec/retentionDays', value: 1 }],
    });
    await custom.deleteClusterCustomObject({ ...IMAGECACHES, name: 'two' });
    await waitFor(() => watch.events.length === 3, 5000, 'live events');
    expect(
      watch.events.map(e => `${e.type} ${e.object.metadata.name}`),
    ).toEqual(['ADDED two', 'MODIFIED one', 'DELETED two']);
    const versions = watch.events.map(e =>
      Number(e.object.metadata.resourceVersion),
    );
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    (await watch.request).abort();
  });

  it('sends the current objects as ADDED when no resourceVersion is given', async () => {
    await custom.createClusterCustomObject({
      ...IMAGECACHES,
      body: imageCacheBody('existing'),
    });
    const watch = collect(emulator, {});
    await waitFor(() => watch.events.length === 1, 5000, 'initial ADDED');
    expect(watch.events[0]).toMatchObject({
      type: 'ADDED',
      object: { metadata: { name: 'existing' } },
    });
    (await watch.request).abort();
  });

  it('turns label changes into ADDED/DELETED for selector watches', async () => {
    const created = await custom.createClusterCustomObject({
      ...IMAGECACHES,
      body: imageCacheBody('lab'),
    });
    const watch = collect(emulator, {
      resourceVersion: created.metadata.resourceVersion,
      labelSelector: 'team=ml',
    });
    const label = (value: string | null) =>
      custom.patchClusterCustomObject({
        ...IMAGECACHES,
        name: 'lab',
        body: [
          {
            op: 'add',
            path: '/metadata/labels',
            value: value ? { team: value } : {},
          },
        ],
      });
    await label('ml');
    await label('web');
    await waitFor(
      () => watch.events.length === 2,
      5000,
      'selector transitions',
    );
    expect(watch.events.map(e => e.type)).toEqual(['ADDED', 'DELETED']);
    (await watch.request).abort();
  });

  it('sends BOOKMARK events when allowed and honours timeoutSeconds', async () => {
    const watch = collect(emulator, {
      resourceVersion: String(emulator.store.currentResourceVersion()),
      allowWatchBookmarks: true,
      timeoutSeconds: 1,
    });
    await waitFor(
      () => watch.events.some(e => e.type === 'BOOKMARK'),
      5000,
      'bookmark',
    );
    const bookmark = watch.events.find(e => e.type === 'BOOKMARK')!;
    expect(bookmark.object).toMatchObject({
      kind: 'ImageCache',
      apiVersion: 'eci.alibabacloud.com/v1',
    });
    expect(bookmark.object.metadata.resourceVersion).toBe(
      String(emulator.store.currentResourceVersion()),
    );
    await waitFor(() => watch.ended() === null, 5000, 'server-side timeout');
  });

  it('answers 410 Expired as an ERROR event when the resourceVersion was compacted', async () => {
    const created = await custom.createClusterCustomObject({
      ...IMAGECACHES,
      body: imageCacheBody('old'),
    });
    for (let i = 0; i < 60; i++) {
      await custom.patchClusterCustomObject({
        ...IMAGECACHES,
        name: 'old',
        body: [{ op: 'add', path: '/spec/retentionDays', value: i + 1 }],
      });
    }
    const watch = collect(emulator, {
      resourceVersion: created.metadata.resourceVersion,
    });
    await waitFor(() => watch.ended() !== 'open', 5000, 'watch end');
    expect(watch.events).toHaveLength(1);
    expect(watch.events[0]).toMatchObject({
      type: 'ERROR',
      object: { kind: 'Status', code: 410, reason: 'Expired' },
    });
    expect(watch.events[0].object.message).toMatch(
      /^too old resource version: \d+ \(\d+\)$/,
    );
  });

  it('keeps an informer in sync, including a re-list after compaction', async () => {
    await custom.createClusterCustomObject({
      ...IMAGECACHES,
      body: imageCacheBody('i1'),
    });
    const { kc } = clientsFor(emulator);
    const informer = makeInformer<KubernetesObject>(kc, PATH, () =>
      custom.listClusterCustomObject({ ...IMAGECACHES }),
    );
    const seen: string[] = [];
    informer.on(ADD, obj => seen.push(`add ${obj.metadata?.name}`));
    informer.on(UPDATE, obj => seen.push(`update ${obj.metadata?.name}`));
    informer.on(DELETE, obj => seen.push(`delete ${obj.metadata?.name}`));
    informer.on(ERROR, () => seen.push('error'));
    await informer.start();
    await custom.createClusterCustomObject({
      ...IMAGECACHES,
      body: imageCacheBody('i2'),
    });
    await custom.patchClusterCustomObject({
      ...IMAGECACHES,
      name: 'i1',
      body: [{ op: 'add', path: '/spec/retentionDays', value: 5 }],
    });
    await custom.deleteClusterCustomObject({ ...IMAGECACHES, name: 'i2' });
    await waitFor(() => seen.length >= 4, 5000, 'informer events');
    expect(seen).toEqual(['add i1', 'add i2', 'update i1', 'delete i2']);

    // Drop the watch, change things it cannot see and compact: the resume gets 410 and it re-lists.
    const before = emulator.stats.snapshot().byVerb.list ?? 0;
    expect(emulator.dropWatches()).toBe(1);
    const type = emulator.store.registry.byGroupResource(
      'eci.alibabacloud.com',
      'imagecaches',
    );
    emulator.store.create(type, imageCacheBody('i3'));
    emulator.compact();
    await waitFor(() => informer.list().length === 2, 8000, 'informer re-list');
    expect(emulator.stats.snapshot().byVerb.list).toBe(before + 1);
    expect(
      informer
        .list()
        .map(o => o.metadata?.name)
        .sort(),
    ).toEqual(['i1', 'i3']);
    await informer.stop();
  });
});

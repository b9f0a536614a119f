import { HistoryEntry } from '@eci-portal/plugin-eci-image-cache-common';
import { EciImageCacheStore } from './EciImageCacheStore';
import { HistoryCache } from './HistoryCache';
import { LifecycleStateCache } from './LifecycleStateCache';

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>(r => {
    resolve = r;
  });
  return { promise, resolve };
}

/** A store whose reads answer only when the test says so, and that tells about writes. */
function storeStub() {
  const writeListeners: Array<() => void> = [];
  const historyListeners: Array<(entityRef: string) => void> = [];
  const reads: Array<ReturnType<typeof deferred<HistoryEntry[]>>> = [];
  const stateReads: number[] = [];
  const store = {
    onWrite: (listener: () => void) => writeListeners.push(listener),
    onHistoryWrite: (listener: (ref: string) => void) => historyListeners.push(listener),
    listHistory: () => {
      const read = deferred<HistoryEntry[]>();
      reads.push(read);
      return read.promise;
    },
    listSettings: async () => {
      stateReads.push(stateReads.length);
      return new Map([['component:default/a', { revision: stateReads.length }]]);
    },
    listRevisions: async () => new Map(),
    listIntents: async () => new Map(),
    listRetries: async () => [],
    listOrphanMarks: async () => [],
  } as unknown as EciImageCacheStore;
  return {
    store,
    reads,
    stateReads,
    historyWrite: (ref: string) => historyListeners.forEach(l => l(ref)),
    write: () => writeListeners.forEach(l => l()),
  };
}

const entry = (message: string) => ({ action: 'created', message }) as unknown as HistoryEntry;
const flush = () => new Promise(resolve => setImmediate(resolve));

describe('HistoryCache', () => {
  it('serves a stale copy while it re-reads, and waits only when there is no copy', async () => {
    const stub = storeStub();
    let now = 0;
    const cache = new HistoryCache(stub.store, 50, 1_000, () => now);
    const first = cache.get('e');
    stub.reads[0].resolve([entry('one')]);
    expect(await first).toEqual([entry('one')]);

    now = 1_500;
    const stale = await cache.get('e');
    expect(stale).toEqual([entry('one')]);
    expect(stub.reads).toHaveLength(2);
    // One re-read at a time, however many reads come meanwhile.
    await cache.get('e');
    expect(stub.reads).toHaveLength(2);

    stub.reads[1].resolve([entry('one')]);
    await flush();
    // Unchanged history keeps its array (responses built from it are reused).
    expect(await cache.get('e')).toBe(stale);

    now = 3_000;
    await cache.get('e');
    stub.reads[2].resolve([entry('two'), entry('one')]);
    await flush();
    expect(await cache.get('e')).toEqual([entry('two'), entry('one')]);
  });

  it('drops the copy on a write of this process, and ignores a re-read that raced it', async () => {
    const stub = storeStub();
    let now = 0;
    const cache = new HistoryCache(stub.store, 50, 1_000, () => now);
    const first = cache.get('e');
    stub.reads[0].resolve([entry('one')]);
    await first;
    now = 1_500;
    await cache.get('e');
    stub.historyWrite('e');
    const afterWrite = cache.get('e');
    stub.reads[1].resolve([entry('stale')]);
    stub.reads[2].resolve([entry('two'), entry('one')]);
    expect(await afterWrite).toEqual([entry('two'), entry('one')]);
    await flush();
    expect(await cache.get('e')).toEqual([entry('two'), entry('one')]);
  });
});

describe('LifecycleStateCache', () => {
  it('serves the copy at hand while it re-reads, and reads at once after a write', async () => {
    const stub = storeStub();
    let now = 0;
    const cache = new LifecycleStateCache(stub.store, 1_000, () => now);
    const revisionOf = async () =>
      ((await cache.get()).settings.get('component:default/a') as any).revision;
    expect(await revisionOf()).toBe(1);
    now = 1_500;
    expect(await revisionOf()).toBe(1);
    await flush();
    expect(await revisionOf()).toBe(2);
    stub.write();
    expect(await revisionOf()).toBe(3);
  });
});

import { RunningEmulator } from '@eci-portal/ack-emulator';
import {
  ANNOTATION_ARGO_NAMESPACE,
  ANNOTATION_ECI_IMAGE_CACHE,
  ANNOTATION_ECI_IMAGES,
  imageCacheOrigin,
} from '@eci-portal/plugin-eci-image-cache-common';
import { component } from './__testUtils__/FakeCatalog';
import {
  startArgoEmulator,
  submitTrainerWorkflow,
  typeOf,
} from './__testUtils__/argoEmulator';
import {
  startTestEciBackend,
  waitFor,
} from './__testUtils__/startTestEciBackend';

const TRAINER =
  'acr-en-hangzhou-registry.cn-hangzhou.cr.aliyuncs.com/ml/trainer:1.4.2';
const DAY = 24 * 60 * 60 * 1000;

type StoreEvent = { type: string; name?: string; resourceVersion?: string };

describe('caches ECI creates by itself (eci-auto-imc defaults to "true")', () => {
  let emulator: RunningEmulator;

  beforeEach(async () => {
    emulator = await startArgoEmulator();
  });
  afterEach(() => emulator.stop());

  const imageCaches = () =>
    typeOf(emulator, 'eci.alibabacloud.com', 'imagecaches');
  const cacheNamed = (name: string) =>
    emulator.store.get(imageCaches(), undefined, name)?.object;

  it('never updates, adopts or deletes the auto-created cache of a pod run, and shows it as created by ECI', async () => {
    const t = await startTestEciBackend({
      clusters: [{ name: 'hangzhou', emulator }],
      entities: [
        component('trainer', {
          [ANNOTATION_ECI_IMAGES]: TRAINER,
          [ANNOTATION_ECI_IMAGE_CACHE]: 'manual',
          [ANNOTATION_ARGO_NAMESPACE]: 'argo',
        }),
      ],
      lifecycle: { orphanGracePeriod: { milliseconds: 0 } },
    });
    try {
      await t.waitForSync();
      // Nothing holds the image yet: ECI misses and creates a cache from the pod itself.
      submitTrainerWorkflow(emulator, 'trainer-cold', {
        cacheMode: 'auto',
        containers: [{ image: TRAINER }],
      });
      const autoName = await waitFor(async () => {
        emulator.advance(5_000);
        return emulator.store
          .list(imageCaches())
          .items.map(s => s.object)
          .find(
            c =>
              imageCacheOrigin(c) === 'eci-auto' &&
              (c.status as any)?.phase === 'Ready',
          )?.metadata.name;
      }, 'ECI to auto-create a Ready cache from the pod');
      const before = cacheNamed(autoName!)!;
      expect(before.metadata.labels ?? {}).toEqual({});

      // Every write anyone makes to the auto-created cache from now on.
      const writes: StoreEvent[] = [];
      const unsubscribe = emulator.store.subscribe(event => {
        if (event.current.object.metadata.name === autoName) {
          writes.push({
            type: event.type,
            name: event.current.object.metadata.name,
            resourceVersion: event.current.object.metadata.resourceVersion,
          });
        }
      });
      const requestsBefore = emulator.stats.snapshot().byVerb;
      try {
        for (let pass = 0; pass < 4; pass++) {
          await t.reconcile();
          emulator.advance(10 * 60_000);
        }
        // The managed cache of the same image is built next to it, not in its place.
        await waitFor(async () => {
          emulator.advance(60_000);
          const res = await t.get('/entities/component/default/trainer');
          return res.body.clusters[0].caches.some(
            (c: any) => c.role === 'active' && c.phase === 'Ready',
          );
        }, 'the managed cache to be Ready');
        await t.reconcile();
      } finally {
        unsubscribe();
      }
      expect(writes).toEqual([]);
      const after = cacheNamed(autoName!)!;
      expect(after.metadata.resourceVersion).toBe(
        before.metadata.resourceVersion,
      );
      expect(after.metadata.labels ?? {}).toEqual({});
      // The reconciler wrote only its own cache: one create, no update, patch or delete.
      const requestsAfter = emulator.stats.snapshot().byVerb;
      const delta = (verb: string) =>
        (requestsAfter[verb] ?? 0) - (requestsBefore[verb] ?? 0);
      expect(delta('create')).toBe(1);
      expect(delta('delete')).toBe(0);

      const state = await t.get('/entities/component/default/trainer');
      expect(state.status).toBe(200);
      const shown = state.body.clusters[0].caches.map((c: any) => ({
        name: c.name,
        managed: c.managed,
        origin: c.origin,
        role: c.role,
      }));
      expect(shown).toEqual(
        expect.arrayContaining([
          {
            name: autoName,
            managed: false,
            origin: 'eci-auto',
            role: 'unmanaged',
          },
          expect.objectContaining({
            managed: true,
            origin: 'managed',
            role: 'active',
          }),
        ]),
      );
      expect(shown).toHaveLength(2);

      const refused = await t.del(
        `/entities/component/default/trainer/caches/hangzhou/${autoName}`,
      );
      expect(refused.status).toBe(409);
      expect(cacheNamed(autoName!)!.metadata.resourceVersion).toBe(
        before.metadata.resourceVersion,
      );

      // ECI, not the plugin, removes it: 7 days after creation when no pod used it again.
      emulator.advance(7 * DAY);
      expect(cacheNamed(autoName!)).toBeUndefined();
    } finally {
      await t.backend.stop();
    }
  });
});

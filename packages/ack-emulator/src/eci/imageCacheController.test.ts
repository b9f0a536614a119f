import type { RunningEmulator } from '../emulator/options';
import { DEMO_SEED_FILE } from '../emulator/packagePaths';
import { startTestEmulator } from '../__testUtils__/emulatorClients';
import {
  ACR_HANGZHOU,
  ACR_SHANGHAI,
  registryWithHugeImage,
  Sim,
} from '../__testUtils__/simulation';
import type { JsonObject } from '../util/json';
import { formatTimestamp } from '../util/time';

const DAY = 24 * 60 * 60 * 1000;
const HELLOWORLD_SPEC = {
  images: ['docker/whalesay'],
  imagePullSecrets: ['default:secret1'],
  imageCacheSize: 20,
  retentionDays: 7,
};

describe('ECI ImageCache simulation', () => {
  let emulator: RunningEmulator;
  let sim: Sim;

  beforeEach(async () => {
    emulator = await startTestEmulator({
      seed: DEMO_SEED_FILE,
      registry: registryWithHugeImage(),
    });
    sim = new Sim(emulator);
  });
  afterEach(() => emulator.stop());

  it('goes Preparing → Creating with rising progress → Ready, with id, times, events and expiry', () => {
    const statuses = sim.recordStatuses('imagecache-helloworld');
    const start = sim.clock.now();
    sim.createCache('imagecache-helloworld', HELLOWORLD_SPEC, {
      'k8s.aliyun.com/imc-enable-reuse': 'true',
    });

    const preparing = sim.status('imagecache-helloworld');
    expect(preparing).toMatchObject({
      phase: 'Preparing',
      progress: '0%',
      startTime: formatTimestamp(start),
      lastUpdatedTime: formatTimestamp(start),
    });
    expect(preparing.imageCacheId).toMatch(/^imc-[a-z0-9]{20}$/);

    sim.clock.advance(60_000);
    expect(sim.status('imagecache-helloworld')).toMatchObject({
      phase: 'Creating',
      progress: '0%',
    });

    const took = 60_000 + sim.runUntilPhase('imagecache-helloworld', 'Ready');
    expect(took).toBeGreaterThan(2 * 60_000);
    expect(took).toBeLessThan(4 * 60_000);
    const ready = sim.status('imagecache-helloworld');
    expect(ready).toMatchObject({
      phase: 'Ready',
      progress: '100%',
      imageCacheId: preparing.imageCacheId,
      startTime: formatTimestamp(start),
      lastUpdatedTime: formatTimestamp(sim.clock.now()),
      expireDateTime: formatTimestamp(start + 7 * DAY),
    });
    expect(ready.events).toEqual([
      expect.objectContaining({
        reason: 'Pulled',
        type: 'Normal',
        message: 'Success pull image docker/whalesay',
        source: { component: 'kubelet', host: 'eci' },
      }),
    ]);

    const progress = statuses.map(s =>
      Number(String(s.progress).replace('%', '')),
    );
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(new Set(progress).size).toBeGreaterThanOrEqual(8);
    expect(
      statuses.map(s => s.phase).filter((p, i, all) => p !== all[i - 1]),
    ).toEqual(['Preparing', 'Creating', 'Ready']);
  });

  it('takes minutes for a few GB and longer for bigger images', () => {
    sim.createCache('small', { images: ['docker/whalesay'] });
    sim.createCache('big', {
      images: ['pytorch/pytorch:2.4.0-cuda12.1-cudnn9-runtime'],
    });
    const small = sim.runUntilPhase('small', 'Ready');
    const big = small + sim.runUntilPhase('big', 'Ready');
    expect(big).toBeGreaterThan(5 * 60_000);
    expect(big).toBeLessThan(15 * 60_000);
    expect(sim.status('small').expireDateTime).toBeUndefined();
  });

  it('is faster with imc-enable-reuse when another Ready cache shares images', () => {
    sim.createCache('base', { images: ['nginx:1.25.3', 'python:3.12-slim'] });
    sim.runUntilPhase('base', 'Ready');
    const images = ['nginx:1.25.3', 'python:3.12-slim', 'docker/whalesay'];
    sim.createCache(
      'reuse',
      { images },
      { 'k8s.aliyun.com/imc-enable-reuse': 'true' },
    );
    sim.createCache('plain', { images });
    sim.runUntilPhase('reuse', 'Ready');
    expect(sim.status('plain').phase).toBe('Creating');
    const events = sim.status('reuse').events as JsonObject[];
    expect(events[0].message).toBe(
      `Success pull image nginx:1.25.3 (layers reused from ${
        sim.status('base').imageCacheId
      })`,
    );
    expect(events[2].message).toBe('Success pull image docker/whalesay');
  });

  it.each([
    [
      'imageCacheSize below 20',
      { images: ['nginx'], imageCacheSize: 10 },
      {},
      'imageCacheSize 10 GiB is out of range: it must be between 20 and 32768',
    ],
    [
      'imageCacheSize above 32768',
      { images: ['nginx'], imageCacheSize: 40000 },
      {},
      'imageCacheSize 40000 GiB is out of range',
    ],
    [
      'more than 20 images',
      { images: Array.from({ length: 21 }, (_, i) => `nginx:${i}`) },
      {},
      'at most 20 images, but 21 were specified',
    ],
    [
      'retentionDays 0',
      { images: ['nginx'], retentionDays: 0 },
      {},
      'retentionDays 0 is out of range: it must be between 1 and 65536',
    ],
    [
      'retentionDays above 65536',
      { images: ['nginx'], retentionDays: 65537 },
      {},
      'retentionDays 65537 is out of range',
    ],
    [
      'a malformed imagePullSecrets entry',
      { images: ['nginx'], imagePullSecrets: ['secret1'] },
      {},
      'must have the form namespace:secretName',
    ],
  ])('fails quickly for %s', (_case, spec, annotations, message) => {
    const start = sim.clock.now();
    sim.createCache('bad', spec, annotations);
    sim.clock.advance(2_000);
    const status = sim.status('bad');
    expect(status.phase).toBe('Failed');
    expect(status.expireDateTime).toBe(formatTimestamp(start + 2_000 + DAY));
    expect(
      (status.events as JsonObject[]).map(e => e.message).join('\n'),
    ).toContain(message);
    expect((status.events as JsonObject[])[0]).toMatchObject({
      type: 'Warning',
      reason: 'InvalidParameter',
    });
  });

  it.each([
    [
      'an unknown image',
      { images: ['docker.io/library/doesnotexist:1'] },
      {},
      'docker.io/library/doesnotexist:1: not found',
    ],
    [
      'a private ACR image without access',
      { images: [`${ACR_HANGZHOU}/ml/trainer:1.4.2`] },
      {},
      'pull access denied',
    ],
    [
      'an instance in another region without the region prefix',
      { images: [`${ACR_SHANGHAI}/data/etl-runner:2.0.1`] },
      { 'k8s.aliyun.com/acr-instance-ids': 'cri-shanghai7k2m9x4p' },
      'pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    ],
    [
      'an unknown ACR instance id',
      { images: [`${ACR_HANGZHOU}/ml/trainer:1.4.2`] },
      { 'k8s.aliyun.com/acr-instance-ids': 'cri-unknown000000' },
      'pull access denied',
    ],
    [
      'a missing pull secret',
      { images: ['nginx'], imagePullSecrets: ['default:nope'] },
      {},
      'imagePullSecret default/nope does not exist',
    ],
    [
      'images larger than imageCacheSize',
      { images: ['docker.io/example/huge:1.0'], imageCacheSize: 20 },
      {},
      'the images need 25.00 GiB but imageCacheSize is 20 GiB',
    ],
  ])('fails after preparing for %s', (_case, spec, annotations, message) => {
    sim.createCache('bad', spec, annotations);
    sim.clock.advance(59_000);
    expect(sim.status('bad').phase).toBe('Preparing');
    sim.clock.advance(1_000);
    const status = sim.status('bad');
    expect(status.phase).toBe('Failed');
    expect(status.expireDateTime).toBe(formatTimestamp(sim.clock.now() + DAY));
    expect(
      (status.events as JsonObject[]).map(e => e.message).join('\n'),
    ).toContain(message);
  });

  it.each([
    [
      'acr-instance-ids in the cluster region',
      `${ACR_HANGZHOU}/ml/trainer:1.4.2`,
      { 'k8s.aliyun.com/acr-instance-ids': 'cri-f34lmbk2rxqx41u8' },
      [],
    ],
    [
      'the legacy acr-instance-id with region',
      `${ACR_HANGZHOU}/workflow/whalesay`,
      { 'k8s.aliyun.com/acr-instance-id': 'cn-hangzhou:cri-f34lmbk2rxqx41u8' },
      [],
    ],
    [
      'a region-prefixed id in a list',
      `${ACR_SHANGHAI}/data/etl-runner:2.0.1`,
      {
        'k8s.aliyun.com/acr-instance-ids':
          'cri-aaaa1111, cn-shanghai:cri-shanghai7k2m9x4p',
      },
      [],
    ],
    [
      'the -vpc domain',
      'acr-en-hangzhou-registry-vpc.cn-hangzhou.cr.aliyuncs.com/ml/trainer:1.4.2',
      { 'k8s.aliyun.com/acr-instance-ids': 'cri-f34lmbk2rxqx41u8' },
      [],
    ],
    [
      'a matching imagePullSecret',
      `${ACR_HANGZHOU}/ml/trainer:1.4.2`,
      {},
      ['default:secret1'],
    ],
  ])(
    'becomes Ready for a private image with %s',
    (_case, image, annotations, imagePullSecrets) => {
      sim.createCache(
        'private',
        { images: [image], imagePullSecrets },
        annotations,
      );
      sim.runUntil(() =>
        ['Ready', 'Failed'].includes(String(sim.status('private').phase)),
      );
      expect(sim.status('private').phase).toBe('Ready');
    },
  );

  it('deletes caches when expireDateTime passes', () => {
    sim.createCache('kept-a-day', { images: ['busybox'], retentionDays: 1 });
    sim.createCache('failed', { images: ['nginx'], imageCacheSize: 1 });
    sim.createCache('forever', { images: ['busybox'] });
    sim.runUntilPhase('kept-a-day', 'Ready');
    expect(sim.status('failed').phase).toBe('Failed');
    sim.clock.advance(DAY - 5 * 60_000);
    expect(sim.cache('failed')).toBeDefined();
    sim.clock.advance(5 * 60_000);
    expect(sim.cache('failed')).toBeUndefined();
    expect(sim.cache('kept-a-day')).toBeUndefined();
    sim.clock.advance(365 * DAY);
    expect(sim.status('forever').phase).toBe('Ready');
  });

  it('re-runs as Updating after a spec change and keeps the cache id', () => {
    sim.createCache('upd', { images: ['busybox'] });
    sim.runUntilPhase('upd', 'Ready');
    const id = sim.status('upd').imageCacheId;
    const current = sim.cache('upd')!;
    emulator.store.update(sim.imageCaches, {
      ...current,
      spec: { images: ['busybox', 'alpine:3.20'] },
    });
    expect(sim.status('upd').phase).toBe('Updating');
    sim.runUntilPhase('upd', 'Ready');
    expect(sim.status('upd')).toMatchObject({
      imageCacheId: id,
      progress: '100%',
    });
    expect(
      (sim.status('upd').events as JsonObject[]).map(e => e.message),
    ).toEqual([
      'Success pull image busybox',
      'Success pull image busybox',
      'Success pull image alpine:3.20',
    ]);

    emulator.store.update(sim.imageCaches, {
      ...sim.cache('upd')!,
      spec: { images: ['busybox'], imageCacheSize: 5 },
    });
    sim.runUntil(() => sim.status('upd').phase === 'UpdateFailed');
    expect(sim.cache('upd')!.metadata.generation).toBe(3);
  });

  it('accepts seeded Ready caches as they are', () => {
    const seeded = sim.cache('auto-create-for-eci-bp1c9h2kx0nginx7demo')!;
    expect(seeded.status).toMatchObject({
      phase: 'Ready',
      progress: '100%',
      imageCacheId: 'imc-bp1f3xk9q2w8ngx0demo',
    });
    sim.clock.advance(DAY);
    expect(sim.status('auto-create-for-eci-bp1c9h2kx0nginx7demo').phase).toBe(
      'Ready',
    );
  });
});

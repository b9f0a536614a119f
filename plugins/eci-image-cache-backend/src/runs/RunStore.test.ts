import { RawPod, RunStore } from './RunStore';

const HASH = 'a'.repeat(32);

function pod(uid: string, minute: number, extra: Partial<RawPod> = {}): RawPod {
  return {
    metadata: {
      uid,
      name: `pod-${uid}`,
      namespace: 'argo',
      creationTimestamp: new Date(
        Date.UTC(2026, 0, 1, 0, minute),
      ).toISOString(),
      labels: {
        'eci.backstage.io/entity-hash': HASH,
        'workflows.argoproj.io/workflow': 'wf',
      },
    },
    status: { phase: 'Running' },
    ...extra,
  };
}

const hit = (uid: string) => ({
  involvedObject: { uid, kind: 'Pod' },
  reason: 'SuccessfulHitImageCache',
  type: 'Normal',
  message:
    '[eci.imagecache]Successfully hit image cache imc-abc, eci will be scheduled with this image cache.',
});

describe('RunStore', () => {
  it('keeps only the newest runs of an entity and ignores pods pushed out', () => {
    const store = new RunStore({ runsPerEntity: 3, pendingPods: 10 });
    for (const minute of [5, 1, 4, 2, 3])
      store.upsertPod('c', pod(`p${minute}`, minute));
    expect(store.runsOf(HASH).map(run => run.uid)).toEqual(['p5', 'p4', 'p3']);
    expect(store.size).toBe(3);
    store.upsertPod('c', pod('p1', 1)); // a re-list of an old pod does not come back
    expect(store.size).toBe(3);
  });

  it('ignores pods without the entity label', () => {
    const store = new RunStore({ runsPerEntity: 3, pendingPods: 10 });
    store.upsertPod('c', { metadata: { uid: 'x', name: 'x', labels: {} } });
    expect(store.size).toBe(0);
  });

  it('applies events that arrived before their pod, and is idempotent on re-lists', () => {
    const store = new RunStore({ runsPerEntity: 3, pendingPods: 10 });
    store.applyEvent('c', hit('p1'));
    store.upsertPod('c', pod('p1', 1));
    store.applyEvent('c', hit('p1'));
    const pulled = {
      involvedObject: { uid: 'p1' },
      reason: 'Pulled',
      type: 'Normal',
      message:
        'Successfully pulled image "a/b:1" in 2s (2s including waiting). Image size: 1 bytes.',
    };
    store.applyEvent('c', pulled);
    store.applyEvent('c', pulled);
    expect(store.runsOf(HASH)[0].evidence).toEqual({
      cacheOutcome: 'hit',
      imageCacheId: 'imc-abc',
      pulls: [{ image: 'a/b:1', durationMs: 2000 }],
    });
  });

  it('bounds the events held for pods it has not seen', () => {
    const store = new RunStore({ runsPerEntity: 3, pendingPods: 2 });
    store.applyEvent('c', hit('p1'));
    store.applyEvent('c', hit('p2'));
    store.applyEvent('c', hit('p3')); // pushes p1's out
    store.upsertPod('c', pod('p1', 1));
    store.upsertPod('c', pod('p3', 3));
    const [p3, p1] = store.runsOf(HASH);
    expect(p1.evidence.cacheOutcome).toBe('unknown');
    expect(p3.evidence.cacheOutcome).toBe('hit');
  });

  it('keeps a run after its pod is deleted, with its last phase and ACR annotation', () => {
    const store = new RunStore({ runsPerEntity: 3, pendingPods: 10 });
    store.upsertPod(
      'c',
      pod('p1', 1, {
        status: {
          phase: 'Pending',
          containerStatuses: [
            {
              image: 'a/b:1',
              state: {
                waiting: { reason: 'ErrImagePull', message: 'unauthorized' },
              },
            },
          ],
        },
      }),
    );
    store.upsertPod('c', {
      ...pod('p1', 1),
      metadata: {
        ...pod('p1', 1).metadata,
        annotations: { 'k8s.aliyun.com/acr-instance-ids': 'cri-x' },
      },
      status: { phase: 'Failed' },
    });
    expect(store.runsOf(HASH)[0]).toMatchObject({
      phase: 'Failed',
      acrAnnotation: 'cri-x',
      statusFailure: { reason: 'ErrImagePull', image: 'a/b:1' },
    });
  });

  it('remembers the newest run that hit each cache, even after its runs are pushed out', () => {
    const store = new RunStore({ runsPerEntity: 1, pendingPods: 10 });
    expect(store.lastHitAtMs('imc-abc')).toBeUndefined();
    store.upsertPod('c', pod('p2', 2));
    store.applyEvent('c', hit('p2'));
    store.applyEvent('c', hit('p1')); // an older run's hit, pending: never admitted
    store.upsertPod('c', pod('p3', 3)); // pushes p2 out, no hit
    expect(store.lastHitAtMs('imc-abc')).toBe(Date.UTC(2026, 0, 1, 0, 2));
    store.upsertPod('c', pod('p4', 4));
    store.applyEvent('c', hit('p4'));
    expect(store.lastHitAtMs('imc-abc')).toBe(Date.UTC(2026, 0, 1, 0, 4));
  });
});

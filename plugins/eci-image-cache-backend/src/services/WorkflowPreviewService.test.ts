import {
  decideWorkflow,
  EntityStateResponse,
  ImageCacheView,
} from '@eci-portal/plugin-eci-image-cache-common';
import { previewOf } from './WorkflowPreviewService';

const NOW = new Date('2026-06-01T12:00:00Z');
const IMAGES = ['nginx:1.25.3'];
const ACR = [{ id: 'cri-shanghai7k2m9x4p', region: 'cn-shanghai' }];

function cache(overrides: Partial<ImageCacheView>): ImageCacheView {
  return {
    cluster: 'hz',
    name: 'web-a',
    managed: true,
    origin: 'managed',
    role: 'active',
    entityRef: 'component:default/web',
    images: IMAGES,
    phase: 'Ready',
    progress: '100%',
    progressPercent: 100,
    imageCacheId: 'imc-active1',
    usable: true,
    imageCacheSize: 20,
    retentionDays: 7,
    expireDateTime: '2026-06-08T12:00:00Z',
    daysLeft: 7,
    expired: false,
    creationTimestamp: '2026-05-01T00:00:00Z',
    startTime: null,
    lastUpdatedTime: null,
    events: [],
    acrInstanceIds: null,
    deleting: false,
    retry: null,
    deleteAfter: null,
    ...overrides,
  };
}

function state(caches: ImageCacheView[]): EntityStateResponse {
  return {
    entityRef: 'component:default/web',
    hasAnnotations: true,
    config: {
      images: { value: IMAGES, source: 'annotation' },
      cacheMode: { value: 'manual', source: 'annotation' },
      imageCacheSize: { value: 20, source: 'default' },
      retentionDays: { value: 7, source: 'default' },
      imagePullSecrets: { value: [], source: 'default' },
      acrInstance: { value: 'cri-shanghai7k2m9x4p', source: 'settings' },
      cluster: { value: 'hz', source: 'default' },
      argoNamespace: { value: 'argo', source: 'default' },
    },
    problems: [],
    warnings: [],
    settings: null,
    clusters: [
      {
        name: 'hz',
        region: 'cn-hangzhou',
        default: true,
        target: true,
        sync: { state: 'synced', since: '2026-06-01T00:00:00Z' },
        caches,
        otherCachesOmitted: 0,
        acr: { cluster: 'hz', clusterRegion: 'cn-hangzhou', annotationValue: null, instances: [] },
        allowUnlistedAcrInstances: true,
        error: null,
      },
    ],
    images: [],
    errors: [],
    history: [],
    permissions: { create: true, delete: true, updateAcr: true },
  };
}

describe('previewOf', () => {
  // The active cache is older than the previous one: only its role makes it win.
  const active = cache({});
  const previous = cache({
    name: 'web-b',
    role: 'previous',
    imageCacheId: 'imc-previous1',
    creationTimestamp: '2026-05-20T00:00:00Z',
  });

  it('pins the active cache when it is a candidate, even when a previous one is newer', () => {
    const preview = previewOf(state([previous, active]), {}, ACR, NOW);
    expect(preview.cacheId).toBe('imc-active1');
    expect(preview.yaml).toContain('eci-image-snapshot-id: "imc-active1"');
  });

  it.each([
    ['both Ready', [previous, active]],
    ['active Creating', [previous, cache({ phase: 'Creating', imageCacheId: null })]],
    ['previous expired', [cache({ role: 'previous', expireDateTime: '2026-05-01T00:00:00Z' })]],
    ['an unmanaged cache being deleted', [cache({ role: 'unmanaged', deleting: true })]],
    ['a cache of other images', [cache({ images: ['redis:7'] })]],
  ])('agrees with common decideWorkflow: %s', (_, caches) => {
    const input = state(caches);
    const preview = previewOf(input, { dialect: 'current' }, ACR, NOW);
    const decision = decideWorkflow({
      entityRef: input.entityRef,
      config: input.config!,
      clusters: input.clusters,
      acrInstances: ACR,
      choices: { dialect: 'current' },
      now: NOW,
    });
    expect(preview.cacheId).toBe(decision.imageCacheId);
    expect(preview.cacheMode).toBe(decision.cacheMode);
    expect(preview.acrAnnotation).toBe('cn-shanghai:cri-shanghai7k2m9x4p');
    expect(preview.prediction).toEqual({ verdict: decision.eci.verdict, reason: decision.eci.reason });
  });

  it('answers 409 for a pin without a pinnable cache', () => {
    expect(() =>
      previewOf(state([cache({ deleting: true })]), { cacheMode: 'pinned' }, ACR, NOW),
    ).toThrow(expect.objectContaining({ name: 'ConflictError' }));
  });
});

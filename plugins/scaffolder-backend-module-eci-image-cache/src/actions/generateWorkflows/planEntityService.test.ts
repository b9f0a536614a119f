import { mockCredentials } from '@backstage/backend-test-utils';
import {
  decideWorkflow,
  ImageCacheView,
} from '@eci-portal/plugin-eci-image-cache-common';
import {
  cacheView,
  FakeEciImageCache,
} from '../../__testUtils__/fakeEciImageCache';
import { planEntityService } from './planEntityService';

const REF = 'component:default/ml-trainer';
const IMAGES = ['redis:7', 'python:3.12-slim'];
const NOW = new Date('2026-12-01T00:00:00Z');
const ACR = [{ id: 'cri-shanghai7k2m9x4p', region: 'cn-shanghai' }];

async function stateWith(caches: ImageCacheView[]) {
  const backend = new FakeEciImageCache([
    { entityRef: REF, images: IMAGES, cacheMode: 'manual', caches },
  ]);
  return backend.getEntityState(REF, { credentials: mockCredentials.user() });
}

describe('planEntityService agrees with common decideWorkflow', () => {
  it.each([
    ['a Ready active cache', [cacheView({ images: IMAGES })]],
    [
      'a Creating active cache with a Ready previous one',
      [
        cacheView({ images: IMAGES, phase: 'Creating' }),
        cacheView({
          name: 'old',
          role: 'previous',
          images: IMAGES,
          imageCacheId: 'imc-prev001',
        }),
      ],
    ],
    [
      'an expired cache',
      [cacheView({ images: IMAGES, expireDateTime: '2026-11-30T00:00:00Z' })],
    ],
    ['a cache being deleted', [cacheView({ images: IMAGES, deleting: true })]],
    ['a cache of other images', [cacheView({ images: ['redis:7'] })]],
  ])('%s', async (_, caches) => {
    const state = await stateWith(caches);
    const plan = planEntityService(
      { type: 'entity', entityRef: REF, field: 'services[0]' } as any,
      state,
      {
        cacheMode: 'entity',
        acrInstances: ACR,
        now: NOW,
      },
    );
    const decision = decideWorkflow({
      entityRef: REF,
      config: state.config!,
      clusters: state.clusters,
      acrInstances: ACR,
      now: NOW,
    });
    expect(plan.options).toEqual(decision.options);
    expect(plan.notes).toEqual(decision.notes);
  });

  it('pins the previous cache while the active one is Creating, and refuses expired ones', async () => {
    const building = await stateWith([
      cacheView({ images: IMAGES, phase: 'Creating' }),
      cacheView({
        name: 'old',
        role: 'previous',
        images: IMAGES,
        imageCacheId: 'imc-prev001',
      }),
    ]);
    const plan = planEntityService(
      { type: 'entity', entityRef: REF, field: 'services[0]' } as any,
      building,
      {
        cacheMode: 'entity',
        acrInstances: ACR,
        now: NOW,
      },
    );
    expect(plan.options.imageCacheId).toBe('imc-prev001');
    const expired = await stateWith([
      cacheView({ images: IMAGES, expireDateTime: '2026-11-30T00:00:00Z' }),
    ]);
    expect(() =>
      planEntityService(
        { type: 'entity', entityRef: REF, field: 'services[0]' } as any,
        expired,
        {
          cacheMode: 'pinned',
          acrInstances: ACR,
          now: NOW,
        },
      ),
    ).toThrow(/expired on 2026-11-30/);
  });
});

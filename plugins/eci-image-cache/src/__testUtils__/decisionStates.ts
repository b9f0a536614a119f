import {
  AcrInstanceInfo,
  acrInstanceConfigOf,
  decideWorkflow,
  EntityStateResponse,
  WorkflowChoices,
} from '@eci-portal/plugin-eci-image-cache-common';
import {
  buildingCache,
  cacheView,
  entityState,
  FIXTURES_NOW,
  PYTHON_IMAGE,
  stateWithCaches,
} from './fixtures';
import { HANGZHOU_INSTANCE, SHANGHAI_INSTANCE } from './server';

const HOUR = 3_600_000;

/** The configured ACR instances of the agreement states. */
export const CONFIGURED_ACR: AcrInstanceInfo[] = [
  HANGZHOU_INSTANCE,
  SHANGHAI_INSTANCE,
];

function withMode(
  state: EntityStateResponse,
  mode: 'manual' | 'auto' | 'off',
): EntityStateResponse {
  state.config!.cacheMode = { value: mode, source: 'annotation' };
  return state;
}

const expired = cacheView({
  expireDateTime: new Date(FIXTURES_NOW.getTime() - HOUR).toISOString(),
  daysLeft: -1,
  expired: true,
});

/**
 * The cache states common's decision tests cover, as entity states the UI receives: every UI
 * consumer of the decision model is checked against common on each of them.
 */
export const CACHE_STATES: ReadonlyArray<[string, EntityStateResponse]> = [
  ['a Ready active cache', entityState()],
  ['an expired cache', stateWithCaches([expired])],
  [
    'a cache being deleted',
    stateWithCaches([cacheView({ deleting: true, usable: false })]),
  ],
  [
    'a cache of other images',
    stateWithCaches([cacheView({ images: [PYTHON_IMAGE] })]),
  ],
  [
    'a Creating active cache with a Ready previous one',
    stateWithCaches([
      buildingCache({ name: 'ml-trainer-new' }),
      cacheView({
        name: 'ml-trainer-old',
        role: 'previous',
        imageCacheId: 'imc-2ze0previous0001',
        creationTimestamp: '2026-11-01T09:00:00Z',
      }),
    ]),
  ],
  [
    "auto mode with another entity's Ready cache of the images",
    withMode(
      stateWithCaches([
        cacheView({
          name: 'etl-cache',
          role: 'other',
          managed: true,
          entityRef: 'component:default/etl',
          imageCacheId: 'imc-2ze0othercache01',
        }),
      ]),
      'auto',
    ),
  ],
  ['mode off', withMode(entityState(), 'off')],
  ['a Creating cache only', stateWithCaches([buildingCache()])],
];

/** ACR instances as typed into the dialog or dry-run: region-less cross-region, contradicting, same-region. */
export const ACR_INPUTS: readonly string[] = [
  'cri-shanghai7k2m9x4p',
  'cn-beijing:cri-f34lmbk2rxqx41u8',
  'cn-hangzhou:cri-f34lmbk2rxqx41u8',
  'cn-shanghai:cri-shanghai7k2m9x4p',
  'cri-unlisted00000001',
  '',
];

/** What common decides for the state, exactly as the backend's workflow preview calls it. */
export function commonDecision(
  state: EntityStateResponse,
  choices: WorkflowChoices = {},
) {
  return decideWorkflow({
    entityRef: state.entityRef,
    config: state.config!,
    clusters: state.clusters,
    acrInstances: CONFIGURED_ACR.map(acrInstanceConfigOf),
    choices,
    now: FIXTURES_NOW,
  });
}

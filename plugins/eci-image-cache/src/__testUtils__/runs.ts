import {
  EntityRunsResponse,
  RunView,
  summarizeRuns,
} from '@eci-portal/plugin-eci-image-cache-common';
import { http, HttpResponse } from 'msw';
import { TRAINER_IMAGE } from './fixtures';
import { ENTITY_API } from './renderTab';

export function run(overrides: Partial<RunView> = {}): RunView {
  return {
    cluster: 'ack-hangzhou',
    namespace: 'argo',
    pod: 'ml-trainer-x7k2p-main-1',
    workflow: 'ml-trainer-x7k2p',
    startedAt: new Date(Date.now() - 60_000).toISOString(),
    phase: 'Succeeded',
    cacheOutcome: 'hit',
    imageCacheId: 'imc-2ze0abc123def456',
    pulls: [{ image: TRAINER_IMAGE, durationMs: 1_500 }],
    failure: null,
    ...overrides,
  };
}

export function entityRuns(runs: RunView[] = []): EntityRunsResponse {
  return {
    entityRef: 'component:default/ml-trainer',
    podLabel: {
      key: 'eci.backstage.io/entity-hash',
      value: '0123456789abcdef0123456789abcdef',
    },
    runs,
    summary: summarizeRuns(runs),
    errors: [],
  };
}

/** `GET …/runs` answering the given runs (none by default). */
export function runsHandler(runs: RunView[] = []) {
  return http.get(`${ENTITY_API}/runs`, () =>
    HttpResponse.json(entityRuns(runs)),
  );
}

import { CACHE_STATES, commonDecision } from '../__testUtils__/decisionStates';
import {
  cacheView,
  clusterView,
  entityState,
  FIXTURES_NOW,
  stateWithCaches,
} from '../__testUtils__/fixtures';
import { entityCacheDecision } from './entityDecision';
import { warmthVerdict } from './warmthVerdict';

function verdictOf(state = entityState()) {
  return warmthVerdict(state, entityCacheDecision(state, FIXTURES_NOW));
}

describe('warmthVerdict', () => {
  it.each(CACHE_STATES)("agrees with common's decision on %s", (_, state) => {
    const common = commonDecision(state).eci;
    expect(verdictOf(state)).toMatchObject({
      verdict: common.verdict,
      reason: common.reason,
      cache: common.cache,
    });
  });

  it('pins the Ready active cache of a manual entity', () => {
    expect(verdictOf()).toMatchObject({
      verdict: 'warm',
      reason:
        'Workflows pin Ready cache ml-trainer-3f9a1c2b7d (imc-2ze0abc123def456).',
    });
  });

  it("is warm in auto mode with another entity's cache of exactly the images", () => {
    const [, state] = CACHE_STATES.find(([name]) => name.startsWith('auto'))!;
    expect(verdictOf(state)).toMatchObject({
      verdict: 'warm',
      reason: expect.stringMatching(
        /a cache of component:default\/etl etl-cache/,
      ),
    });
  });

  it('is cold in manual mode when the only cache is expired, and says so', () => {
    const [, state] = CACHE_STATES.find(([name]) =>
      name.startsWith('an expired'),
    )!;
    expect(verdictOf(state)).toMatchObject({
      verdict: 'cold',
      reason: expect.stringMatching(/expired on .*; ECI no longer uses it/),
    });
  });

  it('names the warning event of a Failed cache', () => {
    const verdict = verdictOf(
      stateWithCaches([
        cacheView({
          phase: 'Failed',
          usable: false,
          events: [
            {
              type: 'Warning',
              reason: 'PullFailed',
              message: 'pull access denied',
            },
          ],
        }),
      ]),
    );
    expect(verdict.verdict).toBe('cold');
    expect(verdict.reason).toBe(
      'Cache ml-trainer-3f9a1c2b7d (imc-2ze0abc123def456) Failed: pull access denied',
    );
  });

  it('is cold with the first problem when the configuration is invalid', () => {
    const verdict = verdictOf(
      entityState({
        config: null,
        problems: [
          {
            field: 'alibabacloud.com/eci-images',
            value: '(missing)',
            rule: 'required',
            message: '`alibabacloud.com/eci-images` is required',
          },
        ],
      }),
    );
    expect(verdict.verdict).toBe('cold');
    expect(verdict.reason).toMatch(/eci-images` is required$/);
  });

  it('is unknown when the target cluster is not configured', () => {
    const state = entityState({
      clusters: [clusterView({ name: 'ack-other', target: false })],
    });
    expect(verdictOf(state)).toMatchObject({
      verdict: 'unknown',
      reason: 'Cluster ack-hangzhou is not configured in the portal.',
    });
  });

  it('flags floating tags as a caveat', () => {
    const state = entityState();
    state.images[1] = { ...state.images[1], floating: true };
    expect(verdictOf(state).caveats[0]).toMatch(
      /python:3.12-slim uses a floating tag/,
    );
  });

  it('is unknown in auto mode when the target cluster cannot be read', () => {
    const state = entityState({
      clusters: [
        clusterView({
          caches: [],
          error: {
            cluster: 'ack-hangzhou',
            statusCode: 503,
            name: 'ServiceUnavailableError',
            message: 'cluster ack-hangzhou is unreachable',
          },
        }),
      ],
    });
    state.config!.cacheMode = { value: 'auto', source: 'annotation' };
    expect(verdictOf(state)).toMatchObject({
      verdict: 'unknown',
      reason: expect.stringMatching(/cannot be read/),
    });
  });
});

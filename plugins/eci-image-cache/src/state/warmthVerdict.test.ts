import {
  buildingCache,
  cacheView,
  clusterView,
  entityState,
  stateWithCaches,
} from '../__testUtils__/fixtures';
import { warmthVerdict } from './warmthVerdict';

describe('warmthVerdict', () => {
  it('is warm in manual mode with a Ready managed cache of exactly the images', () => {
    const verdict = warmthVerdict(entityState());
    expect(verdict.warm).toBe(true);
    expect(verdict.reason).toBe(
      'Manual mode: workflows pin Ready cache imc-2ze0abc123def456 (expires in 6 days).',
    );
  });

  it('is cold in manual mode when the only Ready cache is unmanaged', () => {
    const verdict = warmthVerdict(
      stateWithCaches([cacheView({ managed: false, role: 'unmanaged' })]),
    );
    expect(verdict.warm).toBe(false);
    expect(verdict.reason).toMatch(/No Ready cache holds these images/);
  });

  it('is warm in auto mode with a matching unmanaged Ready cache', () => {
    const state = stateWithCaches([
      cacheView({ managed: false, role: 'unmanaged' }),
    ]);
    state.config!.cacheMode = { value: 'auto', source: 'annotation' };
    const verdict = warmthVerdict(state);
    expect(verdict.warm).toBe(true);
    expect(verdict.reason).toMatch(/^Auto mode: ECI matches Ready cache imc-/);
  });

  it('is cold while the cache is still being created, with its progress', () => {
    const verdict = warmthVerdict(stateWithCaches([buildingCache()]));
    expect(verdict.warm).toBe(false);
    expect(verdict.reason).toBe(
      'Cache ml-trainer-3f9a1c2b7d is still Creating (45%); pods start cold until it is Ready.',
    );
  });

  it('names the warning event of a Failed cache', () => {
    const verdict = warmthVerdict(
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
    expect(verdict.warm).toBe(false);
    expect(verdict.reason).toBe(
      'Cache imc-2ze0abc123def456 Failed: pull access denied',
    );
  });

  it('is cold when the cache expired', () => {
    const verdict = warmthVerdict(
      stateWithCaches([
        cacheView({ expired: true, daysLeft: -2, expireDateTime: null }),
      ]),
    );
    expect(verdict.warm).toBe(false);
    expect(verdict.reason).toMatch(/expired 2 days ago/);
  });

  it('is cold when the cache holds other images', () => {
    const verdict = warmthVerdict(
      stateWithCaches([
        cacheView({ images: ['docker.io/library/python:3.11'] }),
      ]),
    );
    expect(verdict.warm).toBe(false);
  });

  it('is cold when the mode is off', () => {
    const state = entityState();
    state.config!.cacheMode = { value: 'off', source: 'annotation' };
    expect(warmthVerdict(state)).toMatchObject({
      warm: false,
      reason: 'Cache mode is off: pods pull every image on every start.',
    });
  });

  it('is cold with the first problem when the configuration is invalid', () => {
    const verdict = warmthVerdict(
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
    expect(verdict.warm).toBe(false);
    expect(verdict.reason).toMatch(/eci-images` is required$/);
  });

  it('flags floating tags as a caveat', () => {
    const state = entityState();
    state.images[1] = { ...state.images[1], floating: true };
    expect(warmthVerdict(state).caveats[0]).toMatch(
      /python:3.12-slim uses a floating tag/,
    );
  });

  it('is cold when the target cluster cannot be read', () => {
    const verdict = warmthVerdict(
      entityState({
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
      }),
    );
    expect(verdict.warm).toBe(false);
    expect(verdict.reason).toMatch(/cannot be read/);
  });
});

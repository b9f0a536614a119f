import {
  API_ROUTES,
  apiPath,
  entityRefOfRouteParams,
  entityRouteParams,
} from './routes';
import { cacheListQuerySchema, parseRequest } from './requests';
import { validateEntityRef } from '../validation/entityRef';

describe('the API routes', () => {
  it.each([
    ['Component:ML-Trainer', '/entities/component/default/ml-trainer'],
    ['api:Team-A/Orders_v2.1', '/entities/api/team-a/orders_v2.1'],
    [
      { kind: 'Component', namespace: 'DEFAULT', name: 'Web' },
      '/entities/component/default/web',
    ],
  ])('address %j at %s, which reads back as the same ref', (ref, path) => {
    const params = entityRouteParams(ref);
    expect(apiPath(API_ROUTES.entity, params)).toBe(path);
    const read = validateEntityRef(entityRefOfRouteParams(params));
    expect(read).toMatchObject({ ok: true });
    expect(entityRouteParams(read.ok ? read.value : '')).toEqual(params);
  });

  it('encodes every parameter and appends only defined query values', () => {
    expect(
      apiPath(
        API_ROUTES.entityCache,
        {
          ...entityRouteParams('component:default/web'),
          cluster: 'ack hz',
          cacheName: 'a/b',
        },
        { force: true, skip: undefined, none: null },
      ),
    ).toBe('/entities/component/default/web/caches/ack%20hz/a%2Fb?force=true');
  });

  it('names each field a request gets wrong', () => {
    expect(
      parseRequest(cacheListQuerySchema, { phase: 1, extra: 'x' }, 'query'),
    ).toEqual({
      ok: false,
      message: expect.stringMatching(
        /^Invalid query: `phase`: .*expected string.*; unknown field\(s\) `extra`$/,
      ),
    });
    expect(parseRequest(cacheListQuerySchema, undefined, 'query')).toEqual({
      ok: true,
      value: {},
    });
  });
});

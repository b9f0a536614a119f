import { mockApis } from '@backstage/frontend-test-utils';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  API_ROUTES,
  entityRefOfRouteParams,
  normalizeEntityRef,
  validateEntityRef,
} from '@eci-portal/plugin-eci-image-cache-common';
import { http, HttpResponse } from 'msw';
import { API } from '../__testUtils__/renderTab';
import { errorResponse, setupTestServer } from '../__testUtils__/server';
import { EciImageCacheClient } from './EciImageCacheClient';
import { readableError } from './readableError';

const server = setupTestServer();
const client = new EciImageCacheClient({
  discoveryApi: mockApis.discovery(),
  fetchApi: mockApis.fetch(),
});
const entity = { kind: 'Component', namespace: 'default', name: 'ml-trainer' };

describe('EciImageCacheClient', () => {
  it.each<[string, CompoundEntityRef, string]>([
    [
      'upper case',
      { kind: 'Component', namespace: 'Team-A', name: 'ML-Trainer' },
      '/api/eci-image-cache/entities/component/team-a/ml-trainer',
    ],
    [
      'the default namespace',
      { kind: 'API', namespace: 'default', name: 'Orders_v2.1' },
      '/api/eci-image-cache/entities/api/default/orders_v2.1',
    ],
  ])(
    'requests the path the router mounts for a ref in %s, which reads back as the same ref',
    async (_, ref, path) => {
      const seen: string[] = [];
      const read: string[] = [];
      server.use(
        http.get(`${API}${API_ROUTES.entity}`, ({ request, params }) => {
          seen.push(new URL(request.url).pathname);
          const readBack = validateEntityRef(
            entityRefOfRouteParams(
              params as Parameters<typeof entityRefOfRouteParams>[0],
            ),
          );
          read.push(readBack.ok ? readBack.value : 'invalid');
          return HttpResponse.json({});
        }),
      );
      await client.getEntityState(ref);
      expect(seen).toEqual([path]);
      expect(read).toEqual([normalizeEntityRef(ref)]);
    },
  );

  it('encodes characters that would change the route, so the router sees one invalid name', async () => {
    const names: string[] = [];
    server.use(
      http.get(`${API}${API_ROUTES.entity}`, ({ params }) => {
        names.push(String(params.name));
        return HttpResponse.json({});
      }),
    );
    await client.getEntityState({
      kind: 'Component',
      namespace: 'default',
      name: 'a/b?c#d',
    });
    expect(names).toEqual(['a/b?c#d']);
    expect(validateEntityRef(`component:default/${names[0]}`).ok).toBe(false);
  });

  it('addresses the entity by lowercased kind, namespace and name, encoded', async () => {
    const urls: string[] = [];
    server.use(
      http.get(`${API}/entities/*`, ({ request }) => {
        urls.push(new URL(request.url).pathname);
        return HttpResponse.json({});
      }),
    );
    await client.getEntityState({
      kind: 'Component',
      namespace: 'team a',
      name: 'x/y',
    });
    expect(urls).toEqual([
      '/api/eci-image-cache/entities/component/team%20a/x%2Fy',
    ]);
  });

  it('sends the workflow choices as query parameters, leaving out unset ones', async () => {
    let search = '';
    server.use(
      http.get(
        `${API}/entities/component/default/ml-trainer/workflow`,
        ({ request }) => {
          search = new URL(request.url).search;
          return HttpResponse.json({ yaml: '' });
        },
      ),
    );
    await client.getWorkflow(entity, {
      kind: 'CronWorkflow',
      cacheMode: 'pinned',
      schedule: '0 2 * * *',
      cluster: undefined,
    });
    expect(search).toBe(
      '?kind=CronWorkflow&cacheMode=pinned&schedule=0+2+*+*+*',
    );
  });

  it('posts JSON bodies and deletes caches by cluster and name', async () => {
    const calls: string[] = [];
    server.use(
      http.post(
        `${API}/entities/component/default/ml-trainer/caches`,
        async ({ request }) => {
          calls.push(
            `POST ${request.headers.get(
              'content-type',
            )} ${await request.text()}`,
          );
          return HttpResponse.json({ outcome: 'created' }, { status: 201 });
        },
      ),
      http.delete(
        `${API}/entities/component/default/ml-trainer/caches/:cluster/:name`,
        ({ params }) => {
          calls.push(`DELETE ${params.cluster} ${params.name}`);
          return HttpResponse.json({
            cluster: params.cluster,
            name: params.name,
            note: null,
          });
        },
      ),
      http.delete(
        `${API}/entities/component/default/ml-trainer/settings`,
        () => {
          calls.push('DELETE settings');
          return new HttpResponse(null, { status: 204 });
        },
      ),
    );
    await expect(
      client.createCache(entity, { imageCacheSize: 60 }),
    ).resolves.toEqual({
      outcome: 'created',
    });
    await expect(
      client.deleteCache(entity, 'ack-hangzhou', 'ml-trainer-1'),
    ).resolves.toEqual({
      cluster: 'ack-hangzhou',
      name: 'ml-trainer-1',
      note: null,
    });
    await expect(client.deleteSettings(entity)).resolves.toBeUndefined();
    expect(calls).toEqual([
      'POST application/json {"imageCacheSize":60}',
      'DELETE ack-hangzhou ml-trainer-1',
      'DELETE settings',
    ]);
  });

  it('rejects with a ResponseError whose readable form is the server message', async () => {
    server.use(
      http.put(`${API}/entities/component/default/ml-trainer/settings`, () =>
        errorResponse(
          400,
          'InputError',
          '`settings.acrInstance`: "cri-" is not "[RegionID:]InstanceID"',
        ),
      ),
    );
    const error = await client
      .saveSettings(entity, { acrInstance: 'cri-' })
      .catch(e => e);
    expect(ResponseError.is(error)).toBe(true);
    expect(readableError(error)).toBe(
      '`settings.acrInstance`: "cri-" is not "[RegionID:]InstanceID" (HTTP 400 Bad Request)',
    );
  });

  it('explains a backend that cannot be reached', async () => {
    server.use(http.get(`${API}/clusters`, () => HttpResponse.error()));
    const error = await client.listClusters().catch(e => e);
    expect(readableError(error)).toMatch(
      /^Cannot reach the image cache backend: /,
    );
  });
});

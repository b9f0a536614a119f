import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  ResponseError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { EciImageCacheClient } from './EciImageCacheClient';

interface Seen {
  method?: string;
  url?: string;
  authorization?: string;
  body?: unknown;
}

const credentials = {
  $$type: '@backstage/BackstageCredentials',
  principal: { type: 'user', userEntityRef: 'user:default/owner' },
} as BackstageCredentials;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise(resolve => {
    let data = '';
    req.on('data', chunk => (data += chunk));
    req.on('end', () => resolve(data));
  });
}

describe('EciImageCacheClient', () => {
  let server: Server;
  let seen: Seen;
  let reply: { status: number; body?: unknown };
  let client: EciImageCacheClient;
  const tokenRequests: unknown[] = [];

  beforeAll(async () => {
    server = createServer(async (req, res) => {
      const text = await readBody(req);
      seen = {
        method: req.method,
        url: req.url,
        authorization: req.headers.authorization,
        body: text ? JSON.parse(text) : undefined,
      };
      res.statusCode = reply.status;
      if (reply.body !== undefined) {
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify(reply.body));
      } else {
        res.end();
      }
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const discovery: DiscoveryService = {
      getBaseUrl: async pluginId => `http://127.0.0.1:${port}/api/${pluginId}`,
      getExternalBaseUrl: async pluginId => `http://127.0.0.1:${port}/api/${pluginId}`,
    };
    const auth = {
      getPluginRequestToken: async (options: unknown) => {
        tokenRequests.push(options);
        return { token: 'on-behalf-token' };
      },
    } as unknown as AuthService;
    client = new EciImageCacheClient({ discovery, auth });
  });

  afterAll(async () => {
    await new Promise(resolve => server.close(resolve));
  });

  beforeEach(() => {
    reply = { status: 200, body: {} };
    tokenRequests.length = 0;
  });

  it('calls the plugin with a token issued on behalf of the caller', async () => {
    reply = { status: 200, body: { entityRef: 'component:default/web' } };
    const state = await client.getEntityState(
      { kind: 'Component', namespace: 'Default', name: 'web' },
      { credentials },
    );
    expect(state).toEqual({ entityRef: 'component:default/web' });
    expect(seen).toMatchObject({
      method: 'GET',
      url: '/api/eci-image-cache/entities/component/default/web',
      authorization: 'Bearer on-behalf-token',
    });
    expect(tokenRequests).toEqual([
      { onBehalfOf: credentials, targetPluginId: 'eci-image-cache' },
    ]);
  });

  it('sends bodies and queries of every route', async () => {
    reply = { status: 201, body: { outcome: 'created' } };
    await client.createCache('component:default/web', { retentionDays: 3 }, { credentials });
    expect(seen).toMatchObject({
      method: 'POST',
      url: '/api/eci-image-cache/entities/component/default/web/caches',
      body: { retentionDays: 3 },
    });
    await client.deleteCache('component:default/web', 'hz', 'web-abc', { credentials });
    expect(seen).toMatchObject({
      method: 'DELETE',
      url: '/api/eci-image-cache/entities/component/default/web/caches/hz/web-abc',
    });
    await client.saveSettings('component:default/web', { cacheMode: 'manual' }, { credentials });
    expect(seen).toMatchObject({ method: 'PUT', body: { cacheMode: 'manual' } });
    reply = { status: 204 };
    await expect(client.resetSettings('component:default/web', { credentials })).resolves.toBeUndefined();
    expect(seen).toMatchObject({ method: 'DELETE', url: '/api/eci-image-cache/entities/component/default/web/settings' });
    reply = { status: 200, body: {} };
    await client.getWorkflow('component:default/web', { kind: 'CronWorkflow', schedule: '0 3 * * *' }, { credentials });
    expect(seen.url).toBe(
      '/api/eci-image-cache/entities/component/default/web/workflow?kind=CronWorkflow&schedule=0+3+*+*+*',
    );
    await client.listCaches({ phase: 'Ready', cluster: undefined }, { credentials });
    expect(seen.url).toBe('/api/eci-image-cache/caches?phase=Ready');
    await client.listClusters({ credentials });
    expect(seen.url).toBe('/api/eci-image-cache/clusters');
    await client.listAcrInstances({ credentials });
    expect(seen.url).toBe('/api/eci-image-cache/acr/instances');
  });

  it.each([
    [400, 'InputError', InputError],
    [403, 'NotAllowedError', NotAllowedError],
    [404, 'NotFoundError', NotFoundError],
    [409, 'ConflictError', ConflictError],
    [503, 'ServiceUnavailableError', ServiceUnavailableError],
  ])('rethrows a %i as %s with the server message', async (status, name, ErrorClass) => {
    reply = { status, body: { error: { name, message: `server says ${status}` }, response: { statusCode: status } } };
    const call = client.getEntityState('component:default/web', { credentials });
    await expect(call).rejects.toBeInstanceOf(ErrorClass);
    await expect(call).rejects.toThrow(`server says ${status}`);
  });

  it('keeps other failures as ResponseError', async () => {
    reply = {
      status: 502,
      body: { error: { name: 'ClusterCredentialsError', message: 'cluster rejected' }, response: { statusCode: 502 } },
    };
    const error = await client.listClusters({ credentials }).catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(502);
    expect(error.cause.message).toBe('cluster rejected');
  });
});

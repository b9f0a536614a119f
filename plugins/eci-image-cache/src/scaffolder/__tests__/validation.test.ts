import { ApiHolder } from '@backstage/core-plugin-api';
import { createFieldValidation } from '@backstage/plugin-scaffolder-react/alpha';
import { http, HttpResponse } from 'msw';
import { fieldApiHolder } from '../../__testUtils__/fieldApiHolder';
import {
  buildingCache,
  cacheView,
  entityState,
  stateWithCaches,
} from '../../__testUtils__/fixtures';
import { API, ENTITY_API } from '../../__testUtils__/renderTab';
import {
  acrInstancesResponse,
  errorResponse,
  HANGZHOU_INSTANCE,
  SHANGHAI_INSTANCE,
  setupTestServer,
} from '../../__testUtils__/server';
import { validateAcrPick } from '../acrPicker/validateAcrPick';
import { validateCachePick } from '../cachePicker/validateCachePick';

const server = setupTestServer();

const apiHolder = fieldApiHolder();

/** Runs a field validator as the scaffolder does when a step is submitted; returns its errors. */
async function errorsOf(
  validator: typeof validateCachePick | typeof validateAcrPick,
  value: string,
  formData: Record<string, string> = {},
  uiOptions: {
    entityRefField?: string;
    cluster?: string;
    clusterField?: string;
  } = {},
  holder: ApiHolder = apiHolder,
): Promise<string[]> {
  const validation = createFieldValidation();
  await validator(value, validation, {
    apiHolder: holder,
    formData,
    schema: {},
    uiSchema: { 'ui:options': uiOptions },
  });
  return validation.__errors ?? [];
}

const withService = { service: 'component:default/ml-trainer' };

describe('EciImageCachePicker validation', () => {
  it('accepts a cache that is still Ready', async () => {
    server.use(http.get(ENTITY_API, () => HttpResponse.json(entityState())));
    expect(
      await errorsOf(validateCachePick, 'imc-2ze0abc123def456', withService),
    ).toEqual([]);
  });

  it('rejects a cache common no longer allows pinning, saying why', async () => {
    server.use(
      http.get(ENTITY_API, () =>
        HttpResponse.json(
          stateWithCaches([
            cacheView({ expired: true, daysLeft: -1 }),
            buildingCache({
              name: 'ml-trainer-updating',
              phase: 'Updating',
              imageCacheId: 'imc-2ze0updating00001',
            }),
          ]),
        ),
      ),
    );
    expect(
      await errorsOf(validateCachePick, 'imc-2ze0abc123def456', withService),
    ).toEqual([
      expect.stringMatching(
        /^Cache imc-2ze0abc123def456 cannot be pinned: ml-trainer-3f9a1c2b7d \(imc-2ze0abc123def456\) expired on \S+\.$/,
      ),
    ]);
    expect(
      await errorsOf(validateCachePick, 'imc-2ze0updating00001', withService),
    ).toEqual([
      'Cache imc-2ze0updating00001 cannot be pinned: ml-trainer-updating (imc-2ze0updating00001) is Updating, 45%.',
    ]);
  });

  it('rejects a cache that is gone, or on another cluster than chosen', async () => {
    server.use(
      http.get(ENTITY_API, () => HttpResponse.json(stateWithCaches([]))),
    );
    expect(
      await errorsOf(validateCachePick, 'imc-2ze0abc123def456', withService),
    ).toEqual([
      'imc-2ze0abc123def456 is not a cache of component:default/ml-trainer on ack-hangzhou (any more).',
    ]);
    expect(
      await errorsOf(
        validateCachePick,
        'imc-2ze0abc123def456',
        { ...withService, cluster: 'ack-beijing' },
        { clusterField: 'cluster' },
      ),
    ).toEqual(['Cluster "ack-beijing" is not configured.']);
  });

  it('needs the service, and says when the backend cannot check', async () => {
    expect(await errorsOf(validateCachePick, 'imc-2ze0abc123def456')).toEqual([
      'Choose a service first (field "service").',
    ]);
    server.use(
      http.get(ENTITY_API, () =>
        errorResponse(503, 'ServiceUnavailableError', 'Backend is restarting'),
      ),
    );
    expect(
      await errorsOf(validateCachePick, 'imc-2ze0abc123def456', withService),
    ).toEqual([
      'Cache imc-2ze0abc123def456 could not be checked: Backend is restarting (HTTP 503 Service Unavailable)',
    ]);
  });

  it('leaves an empty (optional) value alone', async () => {
    expect(await errorsOf(validateCachePick, '', withService)).toEqual([]);
  });

  it('says when the app has no image cache API', async () => {
    expect(
      await errorsOf(
        validateCachePick,
        'imc-2ze0abc123def456',
        withService,
        {},
        { get: () => undefined },
      ),
    ).toEqual(['The image cache API is not installed in this app.']);
  });
});

describe('AcrInstancePicker validation', () => {
  beforeEach(() => {
    server.use(acrInstancesResponse([HANGZHOU_INSTANCE, SHANGHAI_INSTANCE]));
  });

  it('accepts configured instances with or without their region', async () => {
    expect(await errorsOf(validateAcrPick, 'cri-f34lmbk2rxqx41u8')).toEqual([]);
    expect(
      await errorsOf(validateAcrPick, 'cn-shanghai:cri-shanghai7k2m9x4p'),
    ).toEqual([]);
    expect(await errorsOf(validateAcrPick, '')).toEqual([]);
  });

  it('rejects a malformed value with the common rule', async () => {
    const [error] = await errorsOf(validateAcrPick, 'hangzhou/cri-1');
    expect(error).toMatch(/is not "\[RegionID:\]InstanceID"/);
  });

  it('rejects an instance that is not configured, or in the wrong region', async () => {
    expect(await errorsOf(validateAcrPick, 'cri-unknown123')).toEqual([
      'cri-unknown123 is not a configured ACR Enterprise Edition instance (configured: cri-f34lmbk2rxqx41u8, cri-shanghai7k2m9x4p).',
    ]);
    expect(
      await errorsOf(validateAcrPick, 'cn-beijing:cri-shanghai7k2m9x4p'),
    ).toEqual([
      'cri-shanghai7k2m9x4p is in cn-shanghai, not cn-beijing; choose it again.',
    ]);
  });

  it('says when the backend cannot check', async () => {
    server.use(
      http.get(`${API}/acr/instances`, () =>
        errorResponse(503, 'ServiceUnavailableError', 'Backend is restarting'),
      ),
    );
    expect(await errorsOf(validateAcrPick, 'cri-f34lmbk2rxqx41u8')).toEqual([
      'cri-f34lmbk2rxqx41u8 could not be checked: Backend is restarting (HTTP 503 Service Unavailable)',
    ]);
  });
});

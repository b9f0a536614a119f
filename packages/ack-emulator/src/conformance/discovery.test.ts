import type { RunningEmulator } from '../emulator/options';
import {
  rawRequest,
  startTestEmulator,
} from '../__testUtils__/emulatorClients';

describe('discovery, OpenAPI and field selectors for core kinds', () => {
  let emulator: RunningEmulator;
  beforeEach(async () => {
    emulator = await startTestEmulator();
  });
  afterEach(() => emulator.stop());

  it('serves legacy discovery documents', async () => {
    expect((await rawRequest(emulator, 'GET', '/api')).json).toMatchObject({
      kind: 'APIVersions',
      versions: ['v1'],
    });
    const groups = (await rawRequest(emulator, 'GET', '/apis')).json;
    expect(groups.groups.map((g: { name: string }) => g.name)).toEqual([
      'apiextensions.k8s.io',
      'argoproj.io',
      'eci.alibabacloud.com',
    ]);
    const eci = (
      await rawRequest(emulator, 'GET', '/apis/eci.alibabacloud.com/v1')
    ).json;
    expect(eci.resources).toEqual([
      expect.objectContaining({
        name: 'imagecaches',
        singularName: 'imagecache',
        namespaced: false,
        kind: 'ImageCache',
        shortNames: ['ic'],
        categories: ['all'],
      }),
      expect.objectContaining({
        name: 'imagecaches/status',
        verbs: ['get', 'patch', 'update'],
      }),
    ]);
    const core = (await rawRequest(emulator, 'GET', '/api/v1')).json;
    expect(core.resources.map((r: { name: string }) => r.name)).toEqual([
      'namespaces',
      'namespaces/status',
      'secrets',
      'configmaps',
      'serviceaccounts',
      'pods',
      'pods/status',
      'pods/log',
      'events',
    ]);
  });

  it('serves aggregated discovery when asked for it', async () => {
    const response = await rawRequest(emulator, 'GET', '/apis', {
      headers: {
        Accept:
          'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json',
      },
    });
    expect(response.headers.get('content-type')).toBe(
      'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList',
    );
    const eci = response.json.items.find(
      (i: { metadata: { name: string } }) =>
        i.metadata.name === 'eci.alibabacloud.com',
    );
    expect(eci.versions[0].resources[0]).toMatchObject({
      resource: 'imagecaches',
      scope: 'Cluster',
      responseKind: { kind: 'ImageCache' },
    });
  });

  it('serves OpenAPI v3 with the CRD schema', async () => {
    const root = (await rawRequest(emulator, 'GET', '/openapi/v3')).json;
    const url = root.paths['apis/eci.alibabacloud.com/v1'].serverRelativeURL;
    const document = (await rawRequest(emulator, 'GET', url)).json;
    const schema =
      document.components.schemas['com.alibabacloud.eci.v1.ImageCache'];
    expect(schema['x-kubernetes-group-version-kind']).toEqual([
      { group: 'eci.alibabacloud.com', kind: 'ImageCache', version: 'v1' },
    ]);
    expect(schema.properties.spec.required).toEqual(['images']);
    const patch =
      document.paths['/apis/eci.alibabacloud.com/v1/imagecaches/{name}'].patch;
    expect(Object.keys(patch.requestBody.content)).not.toContain(
      'application/strategic-merge-patch+json',
    );
    expect(patch.parameters.map((p: { name: string }) => p.name)).toContain(
      'fieldValidation',
    );
  });

  it('filters events by involvedObject field selectors', async () => {
    emulator.store.create(emulator.store.registry.byGroupResource('', 'pods'), {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p1', namespace: 'default' },
      spec: {
        restartPolicy: 'Never',
        containers: [{ name: 'c', image: 'busybox' }],
      },
    });
    emulator.advance(60_000);
    const events = await rawRequest(
      emulator,
      'GET',
      '/api/v1/namespaces/default/events?fieldSelector=involvedObject.name%3Dp1,reason%3DPulled',
    );
    expect(events.json.items).toHaveLength(1);
    expect(events.json.items[0].message).toMatch(
      /^Successfully pulled image "busybox" in /,
    );
    const running = await rawRequest(
      emulator,
      'GET',
      '/api/v1/pods?fieldSelector=status.phase%3DSucceeded',
    );
    expect(
      running.json.items.map(
        (p: { metadata: { name: string } }) => p.metadata.name,
      ),
    ).toEqual(['p1']);
  });
});

describe('watch variants', () => {
  let emulator: RunningEmulator;
  beforeEach(async () => {
    emulator = await startTestEmulator({
      controllers: false,
      bookmarkIntervalMs: 60_000,
    });
  });
  afterEach(() => emulator.stop());

  async function firstLines(path: string, count: number): Promise<any[]> {
    const controller = new AbortController();
    const response = await fetch(`${emulator.url}${path}`, {
      headers: { Authorization: `Bearer ${emulator.tokens.admin}` },
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    let text = '';
    while (text.split('\n').length <= count)
      text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    return text
      .trim()
      .split('\n')
      .slice(0, count)
      .map(line => JSON.parse(line));
  }

  it('serves the legacy /watch/ path', async () => {
    await rawRequest(
      emulator,
      'POST',
      '/apis/eci.alibabacloud.com/v1/imagecaches',
      {
        body: {
          apiVersion: 'eci.alibabacloud.com/v1',
          kind: 'ImageCache',
          metadata: { name: 'legacy' },
          spec: { images: ['nginx'] },
        },
      },
    );
    const [event] = await firstLines(
      '/apis/eci.alibabacloud.com/v1/watch/imagecaches',
      1,
    );
    expect(event).toMatchObject({
      type: 'ADDED',
      object: { metadata: { name: 'legacy' } },
    });
  });

  it('sends initial events then a BOOKMARK marking their end with sendInitialEvents', async () => {
    await rawRequest(
      emulator,
      'POST',
      '/apis/eci.alibabacloud.com/v1/imagecaches',
      {
        body: {
          apiVersion: 'eci.alibabacloud.com/v1',
          kind: 'ImageCache',
          metadata: { name: 'initial' },
          spec: { images: ['nginx'] },
        },
      },
    );
    const events = await firstLines(
      '/apis/eci.alibabacloud.com/v1/imagecaches?watch=1&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true&resourceVersion=',
      2,
    );
    expect(events[0]).toMatchObject({
      type: 'ADDED',
      object: { metadata: { name: 'initial' } },
    });
    expect(events[1]).toMatchObject({
      type: 'BOOKMARK',
      object: {
        metadata: { annotations: { 'k8s.io/initial-events-end': 'true' } },
      },
    });
  });
});

import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { JsonObject } from '@backstage/types';
import { createMockActionContext } from '../../__testUtils__/createMockActionContext';
import { createRegisterLocalAction } from './createRegisterLocalAction';

const PUBLISH_ROOT = '/srv/portal/.data/scaffolder';

function fileLocation(name: string, target: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Location',
    metadata: { name },
    spec: { type: 'file', target },
  };
}

const component: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', namespace: 'default' },
  spec: { type: 'service', owner: 'group:default/team-a', lifecycle: 'x' },
};

/**
 * A catalog that lists the published component once one of `readers` (the locations that read
 * the file) was refreshed, as the catalog's processing loop does.
 */
function setup(
  locations: Entity[],
  readers: string[],
  configLocations: Entity[] = [],
) {
  const refreshed: string[] = [];
  const filters: unknown[] = [];
  const catalog = catalogServiceMock.mock({
    getEntities: async request => {
      filters.push(request?.filter);
      return { items: locations };
    },
    refreshEntity: async ref => {
      refreshed.push(ref);
    },
    getEntityByRef: async ref =>
      ref === 'component:default/checkout' &&
      refreshed.some(location => readers.includes(location))
        ? component
        : undefined,
  });
  const action = createRegisterLocalAction({
    publishRoot: PUBLISH_ROOT,
    catalog,
    configLocations,
    pollIntervalMs: 5,
  });
  const run = async (input: JsonObject, isDryRun = false) => {
    const ctx = createMockActionContext({
      input: {
        catalogInfoPath: 'checkout/catalog-info.yaml',
        entityRef: 'component:default/checkout',
        ...input,
      },
      isDryRun,
    });
    await action.handler(ctx);
    return ctx;
  };
  return { run, refreshed, filters };
}

const GLOB = fileLocation('published', `${PUBLISH_ROOT}/*/catalog-info.yaml`);
const DEMO = fileLocation('demo', '/srv/portal/examples/catalog.yaml');

describe('eci:catalog:register-local', () => {
  it('refreshes the file location whose glob covers the published file and waits for the entity', async () => {
    const { run, refreshed, filters } = setup(
      [DEMO, GLOB],
      ['location:default/published'],
    );
    const ctx = await run({});
    expect(filters).toEqual([{ kind: 'Location', 'spec.type': 'file' }]);
    expect(refreshed).toEqual(['location:default/published']);
    expect(ctx.outputs).toEqual({
      entityRef: 'component:default/checkout',
      locations: ['location:default/published'],
    });
  });

  it('refreshes the configured location before the catalog lists it (no file matched its glob yet)', async () => {
    const { run, refreshed } = setup(
      [DEMO],
      ['location:default/published'],
      [DEMO, GLOB],
    );
    const ctx = await run({});
    expect(refreshed).toEqual(['location:default/published']);
    expect(ctx.outputs.entityRef).toBe('component:default/checkout');
  });

  it('refreshes a location once when the catalog lists it and the configuration names it', async () => {
    const { run, refreshed } = setup(
      [GLOB],
      ['location:default/published'],
      [GLOB],
    );
    await run({});
    expect(refreshed).toEqual(['location:default/published']);
  });

  it('also finds a location that names the file itself', async () => {
    const exact = fileLocation(
      'exact',
      `${PUBLISH_ROOT}/checkout/catalog-info.yaml`,
    );
    const { run, refreshed } = setup([exact], ['location:default/exact']);
    await run({});
    expect(refreshed).toEqual(['location:default/exact']);
  });

  it('refreshes nothing in a dry run', async () => {
    const { run, refreshed } = setup([GLOB], ['location:default/published']);
    const ctx = await run({}, true);
    expect(refreshed).toEqual([]);
    expect(ctx.outputs.locations).toEqual(['location:default/published']);
  });

  it('says which configuration is missing when no location covers the publish root', async () => {
    const { run, refreshed } = setup([DEMO], []);
    await expect(run({})).rejects.toThrow(
      'No catalog location reads "checkout/catalog-info.yaml": add a file location for <publishRoot>/*/catalog-info.yaml to catalog.locations in app-config.yaml.',
    );
    expect(refreshed).toEqual([]);
  });

  it('fails with a clear message when the catalog never lists the entity', async () => {
    // The location is refreshed, but the file describes something else.
    const { run } = setup([GLOB], []);
    await expect(run({ timeoutSeconds: 1 })).rejects.toThrow(
      /The catalog did not list component:default\/checkout within 1 s after reading "checkout\/catalog-info.yaml"/,
    );
  });

  it.each<[string, JsonObject, RegExp]>([
    [
      'a path out of the publish root',
      { catalogInfoPath: '../secrets/catalog-info.yaml' },
      /`catalogInfoPath`: "..\/secrets\/catalog-info.yaml" must not contain "\.\." segments/,
    ],
    [
      'a bare name as entity ref',
      { entityRef: 'walk-svc-1' },
      /`entityRef`: "walk-svc-1" is not a full entity reference/,
    ],
  ])('refuses %s before asking the catalog', async (_, input, message) => {
    const { run, filters } = setup([GLOB], ['location:default/published']);
    await expect(run(input)).rejects.toThrow(message);
    expect(filters).toEqual([]);
  });
});

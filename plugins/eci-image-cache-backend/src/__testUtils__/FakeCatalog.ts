import { createServiceFactory } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService, catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';

let lastEtag = 0;

/** As the catalog stitches an entity: with a new etag on every change. */
export function stitched(entity: Entity): Entity {
  lastEtag += 1;
  return { ...entity, metadata: { ...entity.metadata, etag: `etag-${lastEtag}` } };
}

/**
 * The in-memory catalog of `catalogServiceMock`, but with entities that tests can add,
 * change and remove while the backend runs.
 */
export class FakeCatalog {
  entities: Entity[];

  constructor(entities: Entity[] = []) {
    this.entities = entities.map(stitched);
  }

  set(entity: Entity): void {
    const ref = (e: Entity) => `${e.kind}:${e.metadata.namespace ?? 'default'}/${e.metadata.name}`.toLowerCase();
    this.entities = [...this.entities.filter(e => ref(e) !== ref(entity)), stitched(entity)];
  }

  remove(name: string): void {
    this.entities = this.entities.filter(e => e.metadata.name !== name);
  }

  factory() {
    const current = () => catalogServiceMock({ entities: this.entities }) as any;
    const service = new Proxy(
      {},
      {
        get: (_target, method: string) =>
          typeof current()[method] === 'function'
            ? (...args: unknown[]) => current()[method](...args)
            : undefined,
      },
    ) as CatalogService;
    return createServiceFactory({
      service: catalogServiceRef,
      deps: {},
      factory: () => service,
    });
  }
}

export function component(
  name: string,
  annotations: Record<string, string>,
  owner = 'group:default/platform-team',
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'service', lifecycle: 'production', owner },
  };
}

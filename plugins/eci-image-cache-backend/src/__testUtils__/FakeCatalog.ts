import { createServiceFactory } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService, catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';

/**
 * The in-memory catalog of `catalogServiceMock`, but with entities that tests can add,
 * change and remove while the backend runs.
 */
export class FakeCatalog {
  entities: Entity[];

  constructor(entities: Entity[] = []) {
    this.entities = entities;
  }

  set(entity: Entity): void {
    const ref = (e: Entity) => `${e.kind}:${e.metadata.namespace ?? 'default'}/${e.metadata.name}`.toLowerCase();
    this.entities = [...this.entities.filter(e => ref(e) !== ref(entity)), entity];
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

// A catalog stand-in for benchmarks: entity lookups by ref in O(1) and paged listing, as the
// catalog backend does them in its database. (catalogServiceMock recomputes search rows for
// every entity on each call, which would measure the mock rather than the plugin.)
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { CompoundEntityRef, Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService, catalogServiceRef } from '@backstage/plugin-catalog-node';
import { stitched } from './FakeCatalog';

const PAGE_SIZE = 500;

export class IndexedCatalog {
  private readonly entities = new Map<string, Entity>();

  set(entity: Entity): void {
    this.entities.set(stringifyEntityRef(entity), stitched(entity));
  }

  factory() {
    const entities = this.entities;
    const unsupported = (name: string) => () => {
      throw new Error(`IndexedCatalog does not implement ${name}`);
    };
    const service = {
      // Backstage's Kubernetes backend (the peer benchmark) passes compound refs.
      async getEntityByRef(ref: string | CompoundEntityRef) {
        const key = typeof ref === 'string' ? ref : stringifyEntityRef(ref);
        return entities.get(key.toLocaleLowerCase('en-US'));
      },
      async getEntitiesByRefs({ entityRefs }: { entityRefs: string[] }) {
        return { items: entityRefs.map(ref => entities.get(ref.toLocaleLowerCase('en-US'))) };
      },
      // Only the filter the plugin uses is honoured: "this annotation exists".
      async *streamEntities(request?: { filter?: Record<string, unknown> }) {
        const keys = Object.keys(request?.filter ?? {});
        const annotation = keys[0]?.replace(/^metadata\.annotations\./, '');
        let page: Entity[] = [];
        for (const entity of entities.values()) {
          if (annotation && entity.metadata.annotations?.[annotation] === undefined) continue;
          page.push(entity);
          if (page.length === PAGE_SIZE) {
            yield page;
            page = [];
            await new Promise(resolve => setImmediate(resolve));
          }
        }
        if (page.length > 0) yield page;
      },
      getEntities: unsupported('getEntities'),
      queryEntities: unsupported('queryEntities'),
    } as unknown as CatalogService;
    return createServiceFactory({ service: catalogServiceRef, deps: {}, factory: () => service });
  }
}

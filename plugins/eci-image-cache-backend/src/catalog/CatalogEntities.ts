import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ANNOTATION_ECI_IMAGES } from '@eci-portal/plugin-eci-image-cache-common';

const FIELDS = [
  'apiVersion',
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'metadata.annotations',
  'spec.owner',
];
const IMAGES_FILTER = {
  [`metadata.annotations.${ANNOTATION_ECI_IMAGES}`]: CATALOG_FILTER_EXISTS,
};
const MAX_CACHED_LOOKUPS = 5_000;

function principalKey(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type?: string;
    userEntityRef?: string;
    subject?: string;
  };
  return `${principal.type}:${
    principal.userEntityRef ?? principal.subject ?? ''
  }`;
}

/**
 * Catalog reads of the plugin. HTTP lookups run with the caller's credentials (so catalog
 * permissions apply) and found entities are cached per caller and entity for `ttlMs`; the reconciler reads
 * with the plugin's own credentials.
 */
export class CatalogEntities {
  private readonly lookups = new Map<
    string,
    { expires: number; entity: Promise<Entity | undefined> }
  >();

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
    private readonly ttlMs: number,
  ) {}

  async getForCaller(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<Entity | undefined> {
    if (this.ttlMs <= 0) {
      return this.catalog.getEntityByRef(entityRef, { credentials });
    }
    const key = `${principalKey(credentials)}\n${entityRef}`;
    const now = Date.now();
    const hit = this.lookups.get(key);
    if (hit && hit.expires > now) {
      return hit.entity;
    }
    if (this.lookups.size >= MAX_CACHED_LOOKUPS) {
      this.evict(now);
    }
    const entity = this.catalog.getEntityByRef(entityRef, { credentials });
    this.lookups.set(key, { expires: now + this.ttlMs, entity });
    // Absence is not remembered: an entity registered a moment ago must show at once.
    const forget = () => {
      if (this.lookups.get(key)?.entity === entity) this.lookups.delete(key);
    };
    entity.then(found => found ?? forget(), forget);
    return entity;
  }

  private evict(now: number): void {
    for (const [key, value] of this.lookups) {
      if (value.expires <= now) this.lookups.delete(key);
    }
    let surplus = this.lookups.size - MAX_CACHED_LOOKUPS / 2;
    for (const key of this.lookups.keys()) {
      if (surplus-- <= 0) break;
      this.lookups.delete(key);
    }
  }

  async getOwn(entityRef: string): Promise<Entity | undefined> {
    return this.catalog.getEntityByRef(entityRef, {
      credentials: await this.auth.getOwnServiceCredentials(),
    });
  }

  /** Every entity carrying the images annotation: the only ones that can want a managed cache. */
  async listWithImages(): Promise<Entity[]> {
    const credentials = await this.auth.getOwnServiceCredentials();
    const entities: Entity[] = [];
    for await (const page of this.catalog.streamEntities(
      {
        filter: IMAGES_FILTER,
        fields: FIELDS,
      },
      { credentials },
    )) {
      entities.push(...page);
    }
    return entities;
  }

  /**
   * The etag of every entity carrying the images annotation, by ref: a few bytes per entity.
   * The catalog gives a stitched entity a new etag whenever it changes.
   */
  async listEtagsWithImages(): Promise<Map<string, string>> {
    const etags = new Map<string, string>();
    for await (const page of this.catalog.streamEntities(
      {
        filter: IMAGES_FILTER,
        fields: [
          'kind',
          'metadata.namespace',
          'metadata.name',
          'metadata.etag',
        ],
      },
      { credentials: await this.auth.getOwnServiceCredentials() },
    )) {
      for (const entity of page) {
        etags.set(stringifyEntityRef(entity), entity.metadata.etag ?? '');
      }
    }
    return etags;
  }

  async getManyOwn(entityRefs: string[]): Promise<Map<string, Entity>> {
    if (entityRefs.length === 0) return new Map();
    const credentials = await this.auth.getOwnServiceCredentials();
    const { items } = await this.catalog.getEntitiesByRefs(
      { entityRefs, fields: FIELDS },
      { credentials },
    );
    const found = new Map<string, Entity>();
    items.forEach((entity, index) => {
      if (entity) found.set(entityRefs[index], entity);
    });
    return found;
  }
}

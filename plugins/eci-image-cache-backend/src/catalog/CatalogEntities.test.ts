import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { CatalogEntities } from './CatalogEntities';

const REF = 'component:default/new-svc';
const ENTITY: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'new-svc', namespace: 'default' },
};

function entitiesOver(catalog: { current?: Entity; lookups: number }) {
  const service = {
    getEntityByRef: async () => {
      catalog.lookups++;
      return catalog.current;
    },
  } as unknown as CatalogService;
  return new CatalogEntities(service, mockServices.auth(), 60_000);
}

describe('CatalogEntities.getForCaller', () => {
  const credentials = mockCredentials.user('user:default/owner');

  it('remembers a found entity for the caller', async () => {
    const catalog = { current: ENTITY, lookups: 0 };
    const entities = entitiesOver(catalog);
    expect(await entities.getForCaller(REF, credentials)).toBe(ENTITY);
    expect(await entities.getForCaller(REF, credentials)).toBe(ENTITY);
    expect(catalog.lookups).toBe(1);
  });

  it('does not remember absence: an entity registered a moment later is found at once', async () => {
    const catalog: { current?: Entity; lookups: number } = { lookups: 0 };
    const entities = entitiesOver(catalog);
    expect(await entities.getForCaller(REF, credentials)).toBeUndefined();
    catalog.current = ENTITY;
    expect(await entities.getForCaller(REF, credentials)).toBe(ENTITY);
  });
});

import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import {
  eciAcrUpdatePermission,
  eciImageCacheCreatePermission,
  eciImageCacheDeletePermission,
  eciImageCacheReadPermission,
} from '@eci-portal/plugin-eci-image-cache-common';
import { EciImageCachePolicy, isEciMutation } from './EciImageCachePolicy';

const catalogDelete = createPermission({
  name: 'catalog.entity.delete',
  attributes: { action: 'delete' },
  resourceType: 'catalog-entity',
});

const createCache = eciImageCacheCreatePermission;
const deleteCache = eciImageCacheDeletePermission;
const updateAcr = eciAcrUpdatePermission;
const readCache = eciImageCacheReadPermission;

function policyFor(ownershipEntityRefs: string[]) {
  return new EciImageCachePolicy({
    adminGroups: ['group:default/eci-admins'],
    getUserInfo: async () => ({
      userEntityRef: ownershipEntityRefs[0] ?? 'user:default/nobody',
      ownershipEntityRefs,
    }),
  });
}

const user = { credentials: {} };

describe('EciImageCachePolicy', () => {
  it('recognises only the eci mutations', () => {
    expect(isEciMutation(createCache)).toBe(true);
    expect(isEciMutation(deleteCache)).toBe(true);
    expect(isEciMutation(updateAcr)).toBe(true);
    expect(isEciMutation(readCache)).toBe(false);
    expect(isEciMutation(catalogDelete)).toBe(false);
  });

  it('lets everyone read', async () => {
    const decision = await policyFor(['user:default/someone']).handle(
      { permission: readCache },
      user,
    );
    expect(decision).toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('leaves permissions of other plugins allowed', async () => {
    const decision = await policyFor([]).handle(
      { permission: catalogDelete },
      user,
    );
    expect(decision).toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('allows admin group members any mutation', async () => {
    const policy = policyFor(['user:default/ada', 'group:default/ECI-Admins']);
    for (const permission of [createCache, deleteCache, updateAcr]) {
      expect(await policy.handle({ permission }, user)).toEqual({
        result: AuthorizeResult.ALLOW,
      });
    }
  });

  it('asks the catalog whether the user owns the entity', async () => {
    const refs = ['user:default/guest', 'group:default/platform-team'];
    const decision = await policyFor(refs).handle(
      { permission: createCache },
      user,
    );
    expect(decision).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        resourceType: 'catalog-entity',
        params: { claims: refs },
      },
    });
  });

  it('denies mutations to callers without a user', async () => {
    const decision = await policyFor([]).handle({ permission: updateAcr });
    expect(decision).toEqual({ result: AuthorizeResult.DENY });
  });
});

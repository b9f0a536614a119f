import { Entity } from '@backstage/catalog-model';

/** Why a change is not allowed, naming who may make it (see the permission model). */
export function deniedReason(entity: Entity, action: string): string {
  const owner =
    typeof entity.spec?.owner === 'string' ? entity.spec.owner : undefined;
  return owner
    ? `Only members of ${owner}, the owner of ${entity.metadata.name}, and ECI admins may ${action}.`
    : `Only the owners of ${entity.metadata.name} and ECI admins may ${action}.`;
}

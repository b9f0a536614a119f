import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError, isError } from '@backstage/errors';
import { EntityStateResponse } from '@eci-portal/plugin-eci-image-cache-common';
import { EciImageCacheService } from '@eci-portal/plugin-eci-image-cache-node';

/** The backend's view of an entity; an unknown entity is reported as bad input naming the field. */
export async function loadEntityState(
  service: Pick<EciImageCacheService, 'getEntityState'>,
  entityRef: string,
  field: string,
  credentials: BackstageCredentials,
): Promise<EntityStateResponse> {
  try {
    return await service.getEntityState(entityRef, { credentials });
  } catch (error) {
    if (isError(error) && error.name === 'NotFoundError') {
      throw new InputError(
        `Invalid input: \`${field}\`: ${entityRef} was not found in the catalog (${error.message})`,
      );
    }
    throw error;
  }
}

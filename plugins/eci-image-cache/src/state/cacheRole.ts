import { ImageCacheView } from '@eci-portal/plugin-eci-image-cache-common';

/** How a cache relates to the entity, in words. */
export const CACHE_ROLE_TEXT: Record<ImageCacheView['role'], string> = {
  active: 'current',
  pending: 'new revision, becomes current once Ready',
  previous: 'previous, kept after a refresh',
  orphan: 'no longer wanted',
  unmanaged: 'created outside the portal',
  other: 'managed for another service, holds these images',
};

/** Who made a cache: only managed ones can be changed here; ECI deletes its own. */
export const ORIGIN_TEXT: Record<ImageCacheView['origin'], string> = {
  managed: 'managed',
  'eci-auto': 'created by ECI',
  unmanaged: 'unmanaged',
};

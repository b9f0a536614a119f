import { useRouteRef } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { entityContentRouteRef } from '../../legacy/routes';
import { ImageCacheOverviewCard } from './ImageCacheOverviewCard';

/** The linked tab, or none when the app has no `EntityEciImageCacheContent` route. */
function useTabLink(): string | undefined {
  try {
    return useRouteRef(entityContentRouteRef)();
  } catch {
    return undefined;
  }
}

/** The Overview card of the current entity in the legacy frontend system. */
export function LegacyEntityImageCacheCard() {
  const { entity } = useEntity();
  return <ImageCacheOverviewCard entity={entity} tabLink={useTabLink()} />;
}

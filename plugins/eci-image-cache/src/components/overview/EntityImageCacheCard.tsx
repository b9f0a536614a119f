import { useRouteRef } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { rootRouteRef } from '../../routes';
import { ImageCacheOverviewCard } from './ImageCacheOverviewCard';

/** The Overview card of the current entity, linking to the tab wherever the app mounted it. */
export function EntityImageCacheCard() {
  const { entity } = useEntity();
  const tabLink = useRouteRef(rootRouteRef)?.();
  return <ImageCacheOverviewCard entity={entity} tabLink={tabLink} />;
}

import { RootConfigService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { locationSpecToLocationEntity } from '@backstage/plugin-catalog-node';
import path from 'node:path';

/**
 * The Location entities the catalog makes of `catalog.locations`, named and resolved as it does
 * (file targets against the backend's working directory). The catalog lists such a location only
 * once it has read it without error, and a glob that matches no file yet (the publish root on a
 * fresh machine) is an error, so the first publish has to find it here.
 */
export function configLocations(config: RootConfigService): Entity[] {
  return (config.getOptionalConfigArray('catalog.locations') ?? []).map(
    location => {
      const type = location.getString('type');
      const target = location.getString('target');
      return locationSpecToLocationEntity({
        location: {
          type,
          target: type === 'file' ? path.resolve(target) : target,
        },
      });
    },
  );
}

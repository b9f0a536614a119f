import { createApp } from '@backstage/frontend-defaults';

/**
 * The portal. Features (catalog, scaffolder, org, user settings and the ECI
 * image cache plugin) are discovered from this package's dependencies,
 * because `app.packages: all` is set in app-config.yaml.
 */
export default createApp();

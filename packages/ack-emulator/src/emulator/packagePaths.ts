import { dirname, resolve } from 'node:path';

/** Root of the @eci-portal/ack-emulator package (holds crds/ and data/). */
export const PACKAGE_ROOT = dirname(
  require.resolve('@eci-portal/ack-emulator/package.json'),
);
export const CRD_DIRECTORY = resolve(PACKAGE_ROOT, 'crds');
export const DEFAULT_REGISTRY_FILE = resolve(
  PACKAGE_ROOT,
  'data',
  'registry.yaml',
);
export const DEFAULT_TOKENS_FILE = resolve(PACKAGE_ROOT, 'data', 'tokens.yaml');
export const DEMO_SEED_FILE = resolve(PACKAGE_ROOT, 'data', 'demo-seed.yaml');

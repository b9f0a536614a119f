/**
 * Registries that serve public repositories to anonymous pulls. Images there need no pull secret
 * unless the repository itself is private; images on any other registry without an ACR EE
 * instance need one.
 *
 * @public
 */
export const PUBLIC_REGISTRIES: readonly string[] = [
  'docker.io',
  'quay.io',
  'ghcr.io',
  'gcr.io',
  'registry.k8s.io',
  'mcr.microsoft.com',
  'public.ecr.aws',
];

/**
 * Whether a registry host (as normalised by `normalizeImageReference`, e.g. `docker.io`) is a
 * public registry.
 *
 * @public
 */
export function isPublicRegistry(registry: string): boolean {
  return PUBLIC_REGISTRIES.includes(registry.toLowerCase());
}

import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { minimatch } from 'minimatch';
import path from 'node:path';

/** The targets of a `file` Location entity, as absolute paths or globs. */
function fileTargets(location: Entity): string[] {
  const spec = (location.spec ?? {}) as { target?: unknown; targets?: unknown };
  const targets = [
    spec.target,
    ...(Array.isArray(spec.targets) ? spec.targets : []),
  ];
  return targets.filter(
    (target): target is string =>
      typeof target === 'string' && path.isAbsolute(target),
  );
}

/**
 * The `file` Location entities whose target (a path or a glob, as `catalog.locations` in
 * app-config.yaml writes it) covers the file: refreshing them makes the catalog read it.
 */
export function coveringLocations(
  locations: readonly Entity[],
  file: string,
): string[] {
  const refs = locations
    .filter(location =>
      fileTargets(location).some(
        target => target === file || minimatch(file, target),
      ),
    )
    .map(location => stringifyEntityRef(location));
  return [...new Set(refs)];
}

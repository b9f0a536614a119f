import { InputError } from '@backstage/errors';
import {
  entityRefOfRouteParams,
  parseRequest,
  validateEntityRef,
} from '@eci-portal/plugin-eci-image-cache-common';

/** Parses a body or query with one of common's API schemas; a mismatch is a 400 naming each field. */
export function parse<T>(...args: Parameters<typeof parseRequest<T>>): T {
  const result = parseRequest(...args);
  if (!result.ok) {
    throw new InputError(result.message);
  }
  return result.value;
}

/** The entity ref of an entity route's parameters, validated and normalised by common. */
export function entityRefFromParams(
  params: Parameters<typeof entityRefOfRouteParams>[0],
): string {
  const result = validateEntityRef(entityRefOfRouteParams(params), 'entityRef');
  if (!result.ok) {
    throw new InputError(
      `Invalid entity in the path: ${result.problems
        .map(p => p.message)
        .join('; ')}`,
    );
  }
  return result.value;
}

import { CompoundEntityRef } from '@backstage/catalog-model';
import { normalizeCompoundEntityRef } from '../validation/entityRef';

/**
 * The plugin id of the backend plugin; its API is served under `/api/eci-image-cache`.
 *
 * @public
 */
export const ECI_IMAGE_CACHE_PLUGIN_ID = 'eci-image-cache';

const ENTITY = '/entities/:kind/:namespace/:name';

/**
 * Every route of the backend plugin's HTTP API, relative to its base URL, in Express syntax.
 * The router mounts these and both clients build their URLs from them with {@link apiPath}.
 *
 * @public
 */
export const API_ROUTES = {
  health: '/health',
  clusters: '/clusters',
  acrInstances: '/acr/instances',
  caches: '/caches',
  entity: ENTITY,
  entityWorkflow: `${ENTITY}/workflow`,
  entityCaches: `${ENTITY}/caches`,
  entityCache: `${ENTITY}/caches/:cluster/:cacheName`,
  entitySettings: `${ENTITY}/settings`,
  entityRuns: `${ENTITY}/runs`,
  fleetCaches: '/fleet/caches',
} as const;

/**
 * The path parameters of a route, e.g. `kind`, `namespace`, `name` of the entity routes.
 *
 * @public
 */
export type ApiRouteParams<Route extends string> =
  Route extends `${string}:${infer Param}/${infer Rest}`
    ? { [K in Param]: string } & ApiRouteParams<`/${Rest}`>
    : Route extends `${string}:${infer Param}`
    ? { [K in Param]: string }
    : {};

/**
 * The entity route parameters of an entity ref, normalised by {@link normalizeCompoundEntityRef}.
 *
 * @public
 */
export function entityRouteParams(
  ref: string | CompoundEntityRef,
): ApiRouteParams<(typeof API_ROUTES)['entity']> {
  const { kind, namespace, name } = normalizeCompoundEntityRef(ref);
  return { kind, namespace: namespace!, name };
}

/**
 * The entity ref a request's entity route parameters name (the inverse of {@link entityRouteParams}).
 *
 * @public
 */
export function entityRefOfRouteParams(
  params: ApiRouteParams<(typeof API_ROUTES)['entity']>,
): string {
  return `${params.kind}:${params.namespace}/${params.name}`;
}

/**
 * A route's path with its parameters filled in (each URI-encoded) and the defined query values appended.
 *
 * @public
 */
export function apiPath<Route extends string>(
  route: Route,
  params: ApiRouteParams<Route>,
  query: object = {},
): string {
  const path = route.replace(/:([A-Za-z]+)/g, (_, key: string) =>
    encodeURIComponent((params as Record<string, string>)[key]),
  );
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

import { notAcceptable } from './errors';

/** How a response body is rendered, chosen from the Accept header. */
export type ResponseFormat =
  | { kind: 'json' }
  | { kind: 'yaml' }
  | { kind: 'table'; version: 'v1' | 'v1beta1' }
  | { kind: 'partial'; version: 'v1' | 'v1beta1' };

interface MediaRange {
  type: string;
  params: Record<string, string>;
}

export function parseAccept(header: string | undefined): MediaRange[] {
  if (!header) return [{ type: '*/*', params: {} }];
  return header.split(',').map(part => {
    const [type, ...rawParams] = part.split(';').map(s => s.trim());
    const params: Record<string, string> = {};
    for (const param of rawParams) {
      const eq = param.indexOf('=');
      if (eq > 0)
        params[param.slice(0, eq).trim()] = param.slice(eq + 1).trim();
    }
    return { type: type.toLowerCase(), params };
  });
}

/** Picks the first acceptable representation, like the apiserver's content negotiation. */
export function negotiateFormat(header: string | undefined): ResponseFormat {
  for (const range of parseAccept(header)) {
    const jsonLike =
      range.type === 'application/json' ||
      range.type === '*/*' ||
      range.type === 'application/*';
    if (range.params.as) {
      if (range.type !== 'application/json' || range.params.g !== 'meta.k8s.io')
        continue;
      const version = range.params.v;
      if (version !== 'v1' && version !== 'v1beta1') continue;
      if (range.params.as === 'Table') return { kind: 'table', version };
      if (
        range.params.as === 'PartialObjectMetadata' ||
        range.params.as === 'PartialObjectMetadataList'
      ) {
        return { kind: 'partial', version };
      }
      continue;
    }
    if (jsonLike) return { kind: 'json' };
    if (range.type === 'application/yaml') return { kind: 'yaml' };
  }
  throw notAcceptable();
}

/** True when the client asked for aggregated discovery (`as=APIGroupDiscoveryList`). */
export function wantsAggregatedDiscovery(
  header: string | undefined,
): 'v2' | 'v2beta1' | undefined {
  for (const range of parseAccept(header)) {
    if (
      range.params.as === 'APIGroupDiscoveryList' &&
      range.params.g === 'apidiscovery.k8s.io'
    ) {
      if (range.params.v === 'v2' || range.params.v === 'v2beta1')
        return range.params.v;
    }
    if (
      !range.params.as &&
      (range.type === 'application/json' || range.type === '*/*')
    )
      return undefined;
  }
  return undefined;
}

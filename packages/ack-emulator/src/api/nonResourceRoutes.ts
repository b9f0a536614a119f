import type { ServerResponse } from 'node:http';
import type { ApiContext } from './ApiContext';
import {
  aggregatedDiscovery,
  apiGroupDocument,
  apiGroupList,
  apiResourceList,
  apiVersions,
} from './discovery';
import { notAcceptable, resourceNotFound } from './errors';
import { sendJson, sendText } from './http';
import { wantsAggregatedDiscovery } from './mediaTypes';
import type { OpenApiV3 } from './openapi';

/** Discovery and OpenAPI documents; any authenticated user may read them. */
export function handleNonResource(
  ctx: ApiContext,
  openApi: OpenApiV3,
  res: ServerResponse,
  path: string,
  accept: string | undefined,
  serverAddress: string,
): void {
  const parts = path.split('/').filter(Boolean);
  const json = (value: unknown) => sendJson(res, 200, JSON.stringify(value));
  if (path === '/api' || path === '/apis') {
    const aggregated = wantsAggregatedDiscovery(accept);
    if (aggregated) {
      const body = JSON.stringify(
        aggregatedDiscovery(ctx.registry, path === '/api', aggregated),
      );
      sendText(
        res,
        200,
        body,
        `application/json;g=apidiscovery.k8s.io;v=${aggregated};as=APIGroupDiscoveryList`,
      );
      return;
    }
    json(
      path === '/api' ? apiVersions(serverAddress) : apiGroupList(ctx.registry),
    );
    return;
  }
  if (parts[0] === 'api' && parts.length === 2 && parts[1] === 'v1') {
    json(apiResourceList(ctx.registry, '', 'v1'));
    return;
  }
  if (parts[0] === 'apis' && parts.length === 2) {
    const group = apiGroupDocument(ctx.registry, parts[1]);
    if (group) {
      json(group);
      return;
    }
  }
  if (
    parts[0] === 'apis' &&
    parts.length === 3 &&
    ctx.registry.inGroupVersion(parts[1], parts[2]).length > 0
  ) {
    json(apiResourceList(ctx.registry, parts[1], parts[2]));
    return;
  }
  if (path === '/openapi/v3') {
    sendJson(res, 200, openApi.rootJson());
    return;
  }
  if (parts[0] === 'openapi' && parts[1] === 'v3') {
    const document = openApi.documentJson(parts.slice(2).join('/'));
    if (document) {
      if (accept && !/json|\*\/\*/.test(accept)) throw notAcceptable();
      sendJson(res, 200, document);
      return;
    }
  }
  throw resourceNotFound();
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ApiUser } from '../auth/tokenFile';
import { ADMIN_PREFIX, handleAdmin } from './adminRoutes';
import type { ApiContext, ResourceRequest } from './ApiContext';
import { handleDelete, handleDeleteCollection } from './deleteHandlers';
import { VERSION_INFO } from './discovery';
import {
  ApiError,
  conflict,
  internalError,
  methodNotAllowed,
  resourceNotFound,
  toApiError,
  tooManyRequests,
} from './errors';
import { sendError, sendJson, sendText } from './http';
import { negotiateFormat } from './mediaTypes';
import { handleNonResource } from './nonResourceRoutes';
import { OpenApiV3 } from './openapi';
import { handlePatch } from './patchHandler';
import { handlePodLog, hasLogSubresource } from './podLog';
import { parseRequestInfo } from './requestInfo';
import {
  handleCreate,
  handleGet,
  handleList,
  handleUpdate,
} from './resourceHandlers';
import { handleSelfReview, isSelfReviewPath } from './selfReviews';
import { handleWatch } from './watchHandler';

const PUBLIC_PATHS = new Set(['/version', '/healthz', '/livez', '/readyz']);

export type RequestHandler = (
  req: IncomingMessage,
  res: ServerResponse,
) => void;

/**
 * The apiserver request pipeline: faults → authentication → authorization →
 * routing to discovery, OpenAPI, admin or resource handlers. Every failure is a Status.
 */
export function createRequestHandler(
  ctx: ApiContext,
  serverAddress: () => string,
): RequestHandler {
  const openApi = new OpenApiV3(ctx.registry);

  async function handleResource(
    req: IncomingMessage,
    res: ServerResponse,
    user: ApiUser,
    path: string,
    query: URLSearchParams,
  ): Promise<void> {
    const info = parseRequestInfo(req.method ?? 'GET', path, query);
    if (info.kind === 'nonResource') {
      handleNonResource(
        ctx,
        openApi,
        res,
        path,
        req.headers.accept,
        serverAddress(),
      );
      return;
    }
    ctx.stats.verb(info.verb);
    const type = ctx.registry.lookup(info.group, info.version, info.resource);
    if (
      !type ||
      (info.namespace &&
        !type.namespaced &&
        !(type.resource === 'namespaces' && !type.group))
    ) {
      throw resourceNotFound();
    }
    const podLog = info.subresource === 'log' && hasLogSubresource(type);
    if (
      info.subresource &&
      !(info.subresource === 'status' && type.statusSubresource) &&
      !podLog
    )
      throw resourceNotFound();
    const attributes = {
      verb: info.verb,
      group: info.group,
      resource: info.resource,
      subresource: info.subresource,
      namespace: type.namespaced ? info.namespace : undefined,
      name: info.name,
    };
    if (!ctx.authorizer.allowsResource(user, attributes))
      throw ctx.authorizer.forbiddenError(user, attributes);
    let allowedVerbs = info.subresource
      ? ['get', 'update', 'patch']
      : type.verbs;
    if (podLog) allowedVerbs = ['get'];
    if (!allowedVerbs.includes(info.verb)) throw methodNotAllowed();

    const retryAfter = ctx.faults.throttle();
    if (retryAfter !== undefined) {
      ctx.stats.fault('throttle');
      throw tooManyRequests(retryAfter);
    }
    if (ctx.faults.shouldFail(info.verb)) {
      ctx.stats.fault('error');
      throw internalError('injected fault');
    }
    if (
      (info.verb === 'update' || info.verb === 'patch') &&
      ctx.faults.shouldConflict()
    ) {
      ctx.stats.fault('conflict');
      throw conflict(
        type,
        info.name ?? '',
        'the object has been modified; please apply your changes to the latest version and try again',
      );
    }

    const request: ResourceRequest = {
      req,
      res,
      query,
      type,
      user,
      verb: info.verb,
      namespace: type.namespaced ? info.namespace : undefined,
      name: info.name,
      subresource: info.subresource === 'status' ? 'status' : undefined,
      format: negotiateFormat(req.headers.accept),
    };
    if (podLog) {
      handlePodLog(ctx, request);
      return;
    }
    const handlers: Record<
      string,
      (c: ApiContext, r: ResourceRequest) => void | Promise<void>
    > = {
      get: handleGet,
      list: handleList,
      watch: handleWatch,
      create: handleCreate,
      update: handleUpdate,
      patch: handlePatch,
      delete: handleDelete,
      deletecollection: handleDeleteCollection,
    };
    const verbHandler = handlers[info.verb];
    if (!verbHandler) throw methodNotAllowed();
    await verbHandler(ctx, request);
  }

  async function handle(
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://emulator');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    if (path.startsWith(ADMIN_PREFIX)) {
      const user = ctx.authorizer.authenticate(
        req.headers.authorization,
        req.socket,
      );
      const verb = (req.method ?? 'GET').toLowerCase();
      if (!ctx.authorizer.allowsPath(user, verb, path))
        throw ctx.authorizer.pathForbiddenError(user, verb, path);
      await handleAdmin(ctx, req, res, path, url.searchParams);
      return;
    }

    ctx.stats.request();
    if (ctx.faults.unreachable()) {
      ctx.stats.fault('unreachable');
      req.socket.destroy();
      return;
    }
    const latency = ctx.faults.latencyMs();
    if (latency > 0) {
      ctx.stats.fault('latency');
      await sleep(latency);
      // The cluster may have become unreachable while this request waited: no answer then.
      if (ctx.faults.unreachable()) {
        ctx.stats.fault('unreachable');
        req.socket.destroy();
        return;
      }
    }
    if (PUBLIC_PATHS.has(path)) {
      if (path === '/version') sendJson(res, 200, JSON.stringify(VERSION_INFO));
      else sendText(res, 200, 'ok', 'text/plain; charset=utf-8');
      return;
    }
    const user = ctx.authorizer.authenticate(
      req.headers.authorization,
      req.socket,
    );
    if (isSelfReviewPath(path)) {
      await handleSelfReview(ctx.authorizer, req, res, user, path);
      return;
    }
    await handleResource(req, res, user, path, url.searchParams);
  }

  return (req, res) => {
    res.on('finish', () => ctx.stats.response(res.statusCode));
    handle(req, res).catch((error: unknown) => {
      const apiError = toApiError(error);
      if (!(error instanceof ApiError))
        console.error('ack-emulator: request failed', error);
      if (res.headersSent) {
        res.end();
        return;
      }
      // Drain any unread request body so keep-alive connections stay usable.
      req.resume();
      sendError(res, apiError);
    });
  };
}

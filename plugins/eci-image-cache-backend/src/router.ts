import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { toError } from '@backstage/errors';
import {
  API_ROUTES,
  cacheListQuerySchema,
  createCacheRequestSchema,
  EntitySettings,
  entitySettingsSchema,
  WorkflowPreviewQuery,
  workflowPreviewQuerySchema,
} from '@eci-portal/plugin-eci-image-cache-common';
import express, { Request, Response } from 'express';
import Router from 'express-promise-router';
import { createRequestAuditEvent } from './http/auditEvents';
import {
  auditRefusals,
  guardRequest,
  requestAuditOf,
  routeNotFound,
} from './http/requestGuards';
import { entityRefFromParams, parse } from './http/requestSchemas';
import { CacheCommands } from './services/CacheCommands';
import { EntityStateService } from './services/EntityStateService';
import { OverviewService } from './services/OverviewService';
import { SettingsCommands } from './services/SettingsCommands';
import { WorkflowPreviewService } from './services/WorkflowPreviewService';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  entityState: EntityStateService;
  cacheCommands: CacheCommands;
  settingsCommands: SettingsCommands;
  workflowPreview: WorkflowPreviewService;
  overview: OverviewService;
}

/**
 * Writes a JSON text without Express' ETag hashing of the body: entity state is served on
 * every tab refresh, and hashing a few KB per read costs more than serving it from memory.
 */
function sendJson(res: Response, text: string, status = 200): void {
  res.status(status);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

/**
 * Top-level paths of the routes. The framework's credentials barrier lets them through without
 * credentials (see plugin.ts) because {@link guardRequest} authenticates them itself, before the
 * body is read, so that every refusal is audited with its request.
 */
export const ROUTE_PATHS = ['/clusters', '/acr', '/caches', '/entities'];

/** Runs a mutation as its route's audit event, closed with success or with the error. */
async function audited<T>(
  auditor: AuditorService,
  request: Request,
  response: Response,
  run: () => Promise<T>,
): Promise<T> {
  const audit = requestAuditOf(response);
  audit.recorded = true;
  const event = await createRequestAuditEvent(
    auditor,
    request,
    audit.eventId,
    audit.meta,
  );
  try {
    const result = await run();
    await event.success();
    return result;
  } catch (error) {
    await event.fail({ error: toError(error) });
    throw error;
  }
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, auditor } = options;
  const router = Router();
  const guard = (eventId?: string) => guardRequest({ httpAuth, eventId });

  router.get(API_ROUTES.health, (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get(API_ROUTES.clusters, guard(), async (req, res) => {
    await httpAuth.credentials(req);
    res.json(options.overview.listClusters());
  });

  router.get(API_ROUTES.acrInstances, guard(), async (req, res) => {
    await httpAuth.credentials(req);
    res.json(options.overview.listAcrInstances());
  });

  router.get(API_ROUTES.caches, guard(), async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const query = parse(cacheListQuerySchema, req.query, 'query');
    res.json(await options.overview.listCaches(query, credentials));
  });

  router.get(API_ROUTES.entity, guard(), async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const entityRef = entityRefFromParams(req.params);
    sendJson(
      res,
      await options.entityState.getStateJson(entityRef, credentials),
    );
  });

  router.get(API_ROUTES.entityWorkflow, guard(), async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const entityRef = entityRefFromParams(req.params);
    const query = parse(workflowPreviewQuerySchema, req.query, 'query');
    res.json(
      await options.workflowPreview.preview(
        entityRef,
        query as WorkflowPreviewQuery,
        credentials,
      ),
    );
  });

  router.post(
    API_ROUTES.entityCaches,
    guard('cache-create'),
    async (req, res) => {
      const result = await audited(auditor, req, res, async () => {
        const credentials = await httpAuth.credentials(req);
        const entityRef = entityRefFromParams(req.params);
        const body = parse(createCacheRequestSchema, req.body, 'cache request');
        return options.cacheCommands.createCache(entityRef, body, credentials);
      });
      res.status(result.status).json(result.body);
    },
  );

  router.delete(
    API_ROUTES.entityCache,
    guard('cache-delete'),
    async (req, res) => {
      const result = await audited(auditor, req, res, async () => {
        const credentials = await httpAuth.credentials(req);
        const entityRef = entityRefFromParams(req.params);
        return options.cacheCommands.deleteCache(
          entityRef,
          req.params.cluster,
          req.params.cacheName,
          credentials,
        );
      });
      res.json(result);
    },
  );

  router.put(
    API_ROUTES.entitySettings,
    guard('settings-save'),
    async (req, res) => {
      const saved = await audited(auditor, req, res, async () => {
        const credentials = await httpAuth.credentials(req);
        const entityRef = entityRefFromParams(req.params);
        const body = parse(entitySettingsSchema, req.body, 'settings');
        return options.settingsCommands.save(
          entityRef,
          body as EntitySettings,
          credentials,
        );
      });
      res.json(saved);
    },
  );

  router.delete(
    API_ROUTES.entitySettings,
    guard('settings-reset'),
    async (req, res) => {
      await audited(auditor, req, res, async () => {
        const credentials = await httpAuth.credentials(req);
        const entityRef = entityRefFromParams(req.params);
        return options.settingsCommands.reset(entityRef, credentials);
      });
      res.status(204).end();
    },
  );

  router.use(guard(), routeNotFound);
  router.use(auditRefusals(auditor));
  return router;
}

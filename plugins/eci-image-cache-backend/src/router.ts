import {
  AuditorService,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { toError } from '@backstage/errors';
import {
  EntitySettings,
  WorkflowPreviewQuery,
} from '@eci-portal/plugin-eci-image-cache-common';
import express, { Request, Response } from 'express';
import Router from 'express-promise-router';
import {
  cacheListQuerySchema,
  createCacheSchema,
  entityRefFromParams,
  parse,
  settingsSchema,
  workflowQuerySchema,
} from './http/requestSchemas';
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

const ENTITY = '/entities/:kind/:namespace/:name';

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
 * The mutating routes. The credentials barrier lets them through without credentials (see
 * plugin.ts), so that `audited` records refusals of unauthenticated callers too; each of them
 * requires a user or service itself, inside `audited`.
 */
export const MUTATING_ROUTE_PREFIXES = [`${ENTITY}/caches`, `${ENTITY}/settings`];
const CALLER = { allow: ['user', 'service'] as Array<'user' | 'service'> };

/**
 * Every mutation is audited, successful or not: refusals of unauthenticated callers (401) and
 * of callers without permission (403) and bad input (400) included.
 */
async function audited<T>(
  auditor: AuditorService,
  request: Request,
  eventId: string,
  run: () => Promise<T>,
): Promise<T> {
  const meta = {
    entityRef: `${request.params.kind}:${request.params.namespace}/${request.params.name}`,
    ...(request.params.cluster ? { cluster: request.params.cluster } : {}),
    ...(request.params.cacheName ? { cacheName: request.params.cacheName } : {}),
  };
  const event = await auditor
    .createEvent({ eventId, severityLevel: 'medium', request, meta })
    // An auditor that cannot resolve the caller (an invalid token) still records the attempt.
    .catch(() =>
      auditor.createEvent({
        eventId,
        severityLevel: 'medium',
        meta: { ...meta, method: request.method, path: request.originalUrl },
      }),
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
  router.use(express.json({ limit: '64kb' }));

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/clusters', async (req, res) => {
    await httpAuth.credentials(req);
    res.json(options.overview.listClusters());
  });

  router.get('/acr/instances', async (req, res) => {
    await httpAuth.credentials(req);
    res.json(options.overview.listAcrInstances());
  });

  router.get('/caches', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const query = parse(cacheListQuerySchema, req.query, 'query');
    res.json(await options.overview.listCaches(query, credentials));
  });

  router.get(ENTITY, async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const entityRef = entityRefFromParams(req.params);
    sendJson(res, await options.entityState.getStateJson(entityRef, credentials));
  });

  router.get(`${ENTITY}/workflow`, async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const entityRef = entityRefFromParams(req.params);
    const query = parse(workflowQuerySchema, req.query, 'query');
    res.json(
      await options.workflowPreview.preview(
        entityRef,
        query as WorkflowPreviewQuery,
        credentials,
      ),
    );
  });

  router.post(`${ENTITY}/caches`, async (req, res) => {
    const result = await audited(auditor, req, 'cache-create', async () => {
      const credentials = await httpAuth.credentials(req, CALLER);
      const entityRef = entityRefFromParams(req.params);
      const body = parse(createCacheSchema, req.body, 'cache request');
      return options.cacheCommands.createCache(entityRef, body, credentials);
    });
    res.status(result.status).json(result.body);
  });

  router.delete(`${ENTITY}/caches/:cluster/:cacheName`, async (req, res) => {
    const result = await audited(auditor, req, 'cache-delete', async () => {
      const credentials = await httpAuth.credentials(req, CALLER);
      const entityRef = entityRefFromParams(req.params);
      return options.cacheCommands.deleteCache(
        entityRef,
        req.params.cluster,
        req.params.cacheName,
        credentials,
      );
    });
    res.json(result);
  });

  router.put(`${ENTITY}/settings`, async (req, res) => {
    const saved = await audited(auditor, req, 'settings-save', async () => {
      const credentials = await httpAuth.credentials(req, CALLER);
      const entityRef = entityRefFromParams(req.params);
      const body = parse(settingsSchema, req.body, 'settings');
      return options.settingsCommands.save(
        entityRef,
        body as EntitySettings,
        credentials,
      );
    });
    res.json(saved);
  });

  router.delete(`${ENTITY}/settings`, async (req, res) => {
    await audited(auditor, req, 'settings-reset', async () => {
      const credentials = await httpAuth.credentials(req, CALLER);
      const entityRef = entityRefFromParams(req.params);
      return options.settingsCommands.reset(entityRef, credentials);
    });
    res.status(204).end();
  });

  return router;
}

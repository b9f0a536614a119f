import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import {
  API_ROUTES,
  fleetQuerySchema,
} from '@eci-portal/plugin-eci-image-cache-common';
import express from 'express';
import Router from 'express-promise-router';
import { auditRefusals, guardRequest } from '../http/requestGuards';
import { parse } from '../http/requestSchemas';

import { FleetService } from './FleetService';

/** Top-level path of the fleet routes, for the plugin's auth policy. */
export const FLEET_ROUTE_PATH = '/fleet';

/** `GET /fleet/caches`: every ImageCache of every cluster, for fleet readers. */
export function createFleetRouter(options: {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  fleet: FleetService;
}): express.Router {
  const router = Router();
  router.get(
    API_ROUTES.fleetCaches,
    guardRequest({ httpAuth: options.httpAuth }),
    async (req, res) => {
      const credentials = await options.httpAuth.credentials(req);
      const query = parse(fleetQuerySchema, req.query, 'query');
      res.json(await options.fleet.list(query, credentials));
    },
  );
  router.use(auditRefusals(options.auditor));
  return router;
}

import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { API_ROUTES } from '@eci-portal/plugin-eci-image-cache-common';
import { auditRefusals, guardRequest } from '../http/requestGuards';
import { entityRefFromParams } from '../http/requestSchemas';
import { RunEvidenceService } from './RunEvidenceService';

/** `GET /entities/:kind/:namespace/:name/runs`: the entity's last runs (read permission, like the tab). */
export function createRunsRouter(options: {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  runs: RunEvidenceService;
}): express.Router {
  const router = Router();
  router.get(
    API_ROUTES.entityRuns,
    guardRequest({ httpAuth: options.httpAuth }),
    async (req, res) => {
      const credentials = await options.httpAuth.credentials(req);
      const entityRef = entityRefFromParams(req.params);
      res.json(await options.runs.runsOf(entityRef, credentials));
    },
  );
  router.use(auditRefusals(options.auditor));
  return router;
}

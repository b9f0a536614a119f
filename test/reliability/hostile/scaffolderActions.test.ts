import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { isError } from '@backstage/errors';
import { TemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  createConfigureAcrAction,
  createEnsureImageCacheAction,
  createGenerateWorkflowsAction,
  createPublishLocalAction,
} from '@eci-portal/plugin-scaffolder-backend-module-eci-image-cache';
/* eslint-disable @backstage/no-forbidden-package-imports */
import { FakeCatalog } from '@eci-portal/plugin-eci-image-cache-backend/src/__testUtils__/FakeCatalog';
import { createMockActionContext } from '@eci-portal/plugin-scaffolder-backend-module-eci-image-cache/src/__testUtils__/createMockActionContext';
/* eslint-enable @backstage/no-forbidden-package-imports */
import fc from 'fast-check';
import { Knex } from 'knex';
import fs from 'node:fs';
import { actionClient } from '../harness/actionClient';
import {
  OWNER,
  ReliabilityBackend,
  startReliabilityBackend,
} from '../harness/backend';
import { startClusters, stopClusters, TestCluster } from '../harness/clusters';
import { sqliteMemory } from '../harness/database';
import { ownedByPlatformTeam, securityCatalog } from '../harness/fixtures';
import {
  ESCAPE_LINK,
  hostileActionInputs,
} from '../harness/hostile/actionCases';
import { namesOneOf, NO_ROWS, sideEffects } from '../harness/hostile/effects';
import { PROFILE } from '../harness/profile';
import { Sandbox } from '../harness/sandbox';
import { printSummary } from '../harness/summary';

const SEED = 20261129;

describe('hostile input to every scaffolder action', () => {
  let clusters: TestCluster[];
  let knex: Knex;
  let backend: ReliabilityBackend;
  const sandbox = new Sandbox();
  const cases: Record<string, number> = {};
  let actions: Record<string, TemplateAction<any, any, any>>;

  beforeAll(async () => {
    clusters = await startClusters(2);
    knex = sqliteMemory();
    const entities = securityCatalog();
    backend = await startReliabilityBackend({
      clusters,
      catalog: new FakeCatalog(entities),
      knex,
      scheduler: 'manual',
      ownedByOwner: ownedByPlatformTeam(entities),
    });
    await backend.waitForSync();
    const eciImageCache = actionClient(backend);
    actions = {
      'eci:workflow:generate': createGenerateWorkflowsAction({ eciImageCache }),
      'eci:imagecache:ensure': createEnsureImageCacheAction({
        eciImageCache,
        pollIntervalMs: 10,
      }),
      'eci:acr:configure': createConfigureAcrAction({ eciImageCache }),
      'eci:publish:local': createPublishLocalAction({
        publishRoot: sandbox.publishRoot,
        eciImageCache,
        // Allowed, so that each case is refused for its input alone.
        permissions: mockServices.permissions.mock({
          authorize: async requests =>
            requests.map(() => ({ result: AuthorizeResult.ALLOW })),
        }),
      }),
    };
  });

  afterAll(async () => {
    printSummary('hostile-actions', {
      cases: Object.values(cases).reduce((a, b) => a + b, 0),
      actions: Object.keys(cases).length,
      ...cases,
    });
    await backend?.stop();
    await knex?.destroy();
    await stopClusters(clusters ?? []);
    sandbox.dispose();
  });

  it.each(Object.entries(hostileActionInputs(sandbox.root)))(
    '%s fails naming the field, writes nothing to clusters or the database and no file outside the workspace',
    async (id, arbitrary) => {
      const baseline = await sideEffects(clusters, knex);
      expect(baseline.rows).toEqual(NO_ROWS);
      await fc.assert(
        fc.asyncProperty(arbitrary, async hostile => {
          cases[id] = (cases[id] ?? 0) + 1;
          const workspacePath = sandbox.workspace(ESCAPE_LINK);
          const ctx = createMockActionContext({
            input: hostile.input,
            workspacePath,
            credentials: mockCredentials.user(OWNER),
          });
          const error = await actions[id].handler(ctx).then(
            () => undefined,
            (e: unknown) => e,
          );
          const message = isError(error)
            ? error.message.slice(0, 400)
            : String(error);
          expect({
            field: hostile.field,
            failed: error !== undefined,
            namesField: namesOneOf(message, hostile.names),
            message,
          }).toEqual({
            field: hostile.field,
            failed: true,
            namesField: true,
            message,
          });
          expect(await sideEffects(clusters, knex)).toEqual(baseline);
          expect(sandbox.filesOutside(workspacePath)).toEqual([]);
          expect(fs.readdirSync(sandbox.publishRoot)).toEqual([]);
          fs.rmSync(workspacePath, { recursive: true, force: true });
        }),
        { seed: SEED, numRuns: PROFILE.hostileRunsPerTarget },
      );
    },
    PROFILE.scenarioTimeoutMs,
  );
});

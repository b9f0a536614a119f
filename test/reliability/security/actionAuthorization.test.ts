import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { isError } from '@backstage/errors';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  createConfigureAcrAction,
  createEnsureImageCacheAction,
  createPublishLocalAction,
} from '@eci-portal/plugin-scaffolder-backend-module-eci-image-cache';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
/* eslint-disable @backstage/no-forbidden-package-imports */
import { createMockActionContext } from '@eci-portal/plugin-scaffolder-backend-module-eci-image-cache/src/__testUtils__/createMockActionContext';
/* eslint-enable @backstage/no-forbidden-package-imports */
import { JsonObject } from '@backstage/types';
import { Knex } from 'knex';
import { actionClient } from '../harness/actionClient';
import { AuditRecord, recordingAuditor } from '../harness/auditLog';
import { GUEST, OWNER, ReliabilityBackend } from '../harness/backend';
import { TestCluster } from '../harness/clusters';
import { ownedByPlatformTeam, securityCatalog } from '../harness/fixtures';
import { NO_ROWS, sideEffects } from '../harness/hostile/effects';
import { printSummary } from '../harness/summary';
import { startSecuritySuite, stopSuite } from '../harness/securitySuite';

const OWNED = 'component:default/hostile-target';
const FOREIGN = 'component:other-ns/foreign';

describe('authorization of the mutating scaffolder actions', () => {
  let clusters: TestCluster[];
  let knex: Knex;
  let backend: ReliabilityBackend;
  /** Events of the scaffolder module's auditor (the actions run in the scaffolder plugin). */
  const actionAudits: AuditRecord[] = [];
  /** Events of the backend plugin's auditor. */
  const backendAudits: AuditRecord[] = [];
  let publishRoot: string;
  let run: (
    id: string,
    input: JsonObject,
    credentials: BackstageCredentials,
  ) => Promise<unknown>;

  beforeAll(async () => {
    ({ clusters, knex, backend } = await startSecuritySuite({
      audits: backendAudits,
    }));
    const eciImageCache = actionClient(backend);
    const auditor = recordingAuditor(actionAudits);
    const owned = ownedByPlatformTeam(securityCatalog());
    publishRoot = path.join(
      fs.mkdtempSync(path.join(os.tmpdir(), 'eci-publish-auth-')),
      'published',
    );
    const actions: Record<string, { handler(ctx: any): Promise<void> }> = {
      'eci:imagecache:ensure': createEnsureImageCacheAction({
        eciImageCache,
        auditor,
      }),
      'eci:acr:configure': createConfigureAcrAction({ eciImageCache, auditor }),
      // The portal policy of the harness: only OWNER, only on the platform team's entities.
      'eci:publish:local': createPublishLocalAction({
        publishRoot,
        eciImageCache,
        auditor,
        permissions: mockServices.permissions.mock({
          authorize: async (requests, { credentials }) =>
            requests.map(request => ({
              result:
                (credentials.principal as { userEntityRef?: string })
                  .userEntityRef === OWNER &&
                owned((request as { resourceRef?: string }).resourceRef ?? '')
                  ? AuthorizeResult.ALLOW
                  : AuthorizeResult.DENY,
            })),
        }),
      }),
    };
    run = (id, input, credentials) =>
      actions[id].handler(createMockActionContext({ input, credentials })).then(
        () => undefined,
        (error: unknown) => error,
      );
  });

  afterAll(() => stopSuite({ clusters, knex, backend }));

  const cases = [
    ['eci:imagecache:ensure', 'imagecache-ensure', { entityRef: OWNED }],
    [
      'eci:acr:configure',
      'acr-configure',
      { entityRef: OWNED, acrInstanceId: 'cri-f34lmbk2rxqx41u8' },
    ],
    [
      'eci:publish:local',
      'publish-local',
      { entityRef: OWNED, name: 'hostile-target-workflows', overwrite: true },
    ],
  ] as const;

  it('refuses unauthenticated initiators and non-owners, audits each refusal and changes nothing', async () => {
    const before = await sideEffects(clusters, knex);
    expect(before.rows).toEqual(NO_ROWS);
    const callers: Array<[string, BackstageCredentials, string, string]> = [
      ['unauthenticated', mockCredentials.none(), OWNED, 'AuthenticationError'],
      ['non-owner', mockCredentials.user(GUEST), OWNED, 'NotAllowedError'],
      [
        'owner of another entity',
        mockCredentials.user(OWNER),
        FOREIGN,
        'NotAllowedError',
      ],
    ];
    let refusals = 0;
    for (const [caller, credentials, entityRef, errorName] of callers) {
      for (const [id, eventId, input] of cases) {
        const auditsBefore = actionAudits.length;
        const error = await run(id, { ...input, entityRef }, credentials);
        refusals += 1;
        expect({
          caller,
          id,
          error: isError(error) ? error.name : error,
          audits: actionAudits
            .slice(auditsBefore)
            .map(a => [a.eventId, a.outcome, a.error?.split(':')[0]]),
        }).toEqual({
          caller,
          id,
          error: errorName,
          audits: [[eventId, 'fail', errorName]],
        });
      }
    }
    expect(await sideEffects(clusters, knex)).toEqual(before);
    expect(fs.existsSync(publishRoot)).toBe(false);
    printSummary('authorization-actions', {
      refusals,
      audited: actionAudits.filter(a => a.outcome === 'fail').length,
    });
  });

  it('lets the owner run them, audited as successes (the refusals above were not vacuous)', async () => {
    const auditsBefore = actionAudits.length;
    for (const [id, , input] of cases) {
      expect(await run(id, input, mockCredentials.user(OWNER))).toBeUndefined();
    }
    expect(
      actionAudits.slice(auditsBefore).map(a => [a.eventId, a.outcome]),
    ).toEqual([
      ['imagecache-ensure', 'success'],
      ['acr-configure', 'success'],
      ['publish-local', 'success'],
    ]);
    expect(fs.readdirSync(publishRoot)).toEqual(['hostile-target-workflows']);
    const rows = await sideEffects(clusters, knex);
    expect(rows.imageCaches).toEqual([1]);
    expect(rows.rows.eci_entity_settings).toBe(1);
  });
});

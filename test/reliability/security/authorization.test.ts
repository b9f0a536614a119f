import { imageCacheName } from '@eci-portal/plugin-eci-image-cache-common';
import { Knex } from 'knex';
import { AuditRecord } from '../harness/auditLog';
import {
  GUEST,
  OWNER,
  ReliabilityBackend,
  requireStatus,
} from '../harness/backend';
import { TestCluster } from '../harness/clusters';
import { pluginRowCounts } from '../harness/database';
import { sideEffects } from '../harness/hostile/effects';
import { printSummary } from '../harness/summary';
import { startSecuritySuite, stopSuite } from '../harness/securitySuite';

const OWNED = '/entities/component/default/hostile-target';
const FOREIGN = '/entities/component/other-ns/foreign';
const OWNED_CACHE = imageCacheName('component:default/hostile-target', [
  'nginx:1.25.3',
]);
const FOREIGN_CACHE = imageCacheName('component:other-ns/foreign', [
  'busybox:1.36',
]);

type Caller = {
  name: string;
  user: string | null;
  status: number;
  error: string;
};
const UNAUTHENTICATED: Caller = {
  name: 'unauthenticated',
  user: null,
  status: 401,
  error: 'AuthenticationError',
};
const NON_OWNER: Caller = {
  name: 'non-owner',
  user: GUEST,
  status: 403,
  error: 'NotAllowedError',
};

/** Every mutating route, with the audit event id it records. */
const MUTATIONS = [
  {
    eventId: 'cache-create',
    method: 'post',
    path: (e: string) => `${e}/caches`,
    body: {},
  },
  {
    eventId: 'cache-delete',
    method: 'del',
    path: (e: string, c: string) => `${e}/caches/ack-hangzhou/${c}`,
  },
  {
    eventId: 'settings-save',
    method: 'put',
    path: (e: string) => `${e}/settings`,
    body: { cacheMode: 'off' },
  },
  {
    eventId: 'settings-save',
    method: 'put',
    path: (e: string) => `${e}/settings`,
    body: { acrInstance: 'cri-f34lmbk2rxqx41u8' },
  },
  {
    eventId: 'settings-reset',
    method: 'del',
    path: (e: string) => `${e}/settings`,
  },
] as const;

describe('authorization of every mutating route', () => {
  let clusters: TestCluster[];
  let knex: Knex;
  let backend: ReliabilityBackend;
  const audits: AuditRecord[] = [];

  beforeAll(async () => {
    ({ clusters, knex, backend } = await startSecuritySuite({ audits }));
    // The owner's and the other team's caches and settings exist, so that deletes have a target.
    requireStatus(
      await backend.post(`${OWNED}/caches`, {}),
      201,
      "the owner's cache",
    );
    requireStatus(
      await backend.put(`${OWNED}/settings`, { retentionDays: 9 }),
      200,
      "the owner's settings",
    );
    await backend.reconcile();
  });

  afterAll(() => stopSuite({ clusters, knex, backend }));

  function send(
    method: string,
    path: string,
    body: unknown,
    user: string | null,
  ) {
    if (method === 'post') return backend.post(path, body, user);
    if (method === 'put') return backend.put(path, body, user);
    return backend.del(path, user);
  }

  it('refuses unauthenticated callers (401) and non-owners (403), audits each refusal and changes nothing', async () => {
    const before = await sideEffects(clusters, knex);
    const settingsBefore = await knex('eci_entity_settings').select();
    const refusals: Array<{
      caller: string;
      route: string;
      status: number;
      audit?: AuditRecord;
    }> = [];
    const callers: Array<[Caller, string, string]> = [
      [UNAUTHENTICATED, OWNED, OWNED_CACHE],
      [NON_OWNER, OWNED, OWNED_CACHE],
      // The owner of one entity is a non-owner of another team's entity in another namespace.
      [
        { ...NON_OWNER, name: 'owner of another entity', user: OWNER },
        FOREIGN,
        FOREIGN_CACHE,
      ],
    ];
    for (const [caller, entity, cache] of callers) {
      for (const mutation of MUTATIONS) {
        const auditsBefore = audits.length;
        const res = await send(
          mutation.method,
          mutation.path(entity, cache),
          'body' in mutation ? mutation.body : undefined,
          caller.user,
        );
        const events = audits.slice(auditsBefore);
        refusals.push({
          caller: caller.name,
          route: mutation.eventId,
          status: res.status,
          audit: events[0],
        });
        expect({
          caller: caller.name,
          route: `${mutation.method} ${mutation.path(entity, cache)}`,
          status: res.status,
          error: res.body.error?.name,
          audits: events.map(e => [
            e.eventId,
            e.outcome,
            e.error?.split(':')[0],
          ]),
        }).toEqual({
          caller: caller.name,
          route: `${mutation.method} ${mutation.path(entity, cache)}`,
          status: caller.status,
          error: caller.error,
          audits: [[mutation.eventId, 'fail', caller.error]],
        });
      }
    }
    expect(await sideEffects(clusters, knex)).toEqual(before);
    expect(await knex('eci_entity_settings').select()).toEqual(settingsBefore);
    printSummary('authorization-http', {
      refusals: refusals.length,
      audited: refusals.filter(r => r.audit?.outcome === 'fail').length,
      unauthenticated401: refusals.filter(r => r.status === 401).length,
      nonOwner403: refusals.filter(r => r.status === 403).length,
    });
  });

  it('lets the owner change the same things, audited as successes (the refusals above were not vacuous)', async () => {
    const auditsBefore = audits.length;
    expect(
      (
        await backend.put(`${OWNED}/settings`, {
          cacheMode: 'manual',
          acrInstance: 'cri-f34lmbk2rxqx41u8',
        })
      ).status,
    ).toBe(200);
    const deleted = await backend.del(
      `${OWNED}/caches/ack-hangzhou/${OWNED_CACHE}`,
    );
    expect(deleted.body).toMatchObject({
      cluster: 'ack-hangzhou',
      name: OWNED_CACHE,
    });
    expect((await backend.del(`${OWNED}/settings`)).status).toBe(204);
    expect(audits.slice(auditsBefore).map(a => [a.eventId, a.outcome])).toEqual(
      [
        ['settings-save', 'success'],
        ['cache-delete', 'success'],
        ['settings-reset', 'success'],
      ],
    );
    expect((await pluginRowCounts(knex)).eci_entity_settings).toBe(0);
  });
});

import fc from 'fast-check';
// eslint-disable-next-line @backstage/no-forbidden-package-imports
import { FakeCatalog } from '@eci-portal/plugin-eci-image-cache-backend/src/__testUtils__/FakeCatalog';
import { Knex } from 'knex';
import {
  OWNER,
  ReliabilityBackend,
  startReliabilityBackend,
} from '../harness/backend';
import { startClusters, stopClusters, TestCluster } from '../harness/clusters';
import { sqliteMemory } from '../harness/database';
import { ownedByPlatformTeam, securityCatalog } from '../harness/fixtures';
import {
  HostileRequest,
  HOSTILE_ROUTES,
  IGNORED_QUERY,
  INPUTLESS_ROUTES,
  queryString,
} from '../harness/hostile/httpCases';
import { namesOneOf, NO_ROWS, sideEffects } from '../harness/hostile/effects';
import { PROFILE } from '../harness/profile';
import { printSummary } from '../harness/summary';

const SEED = 20261128;

describe('hostile input on every HTTP route', () => {
  let clusters: TestCluster[];
  let knex: Knex;
  let backend: ReliabilityBackend;
  const cases: Record<string, number> = {};

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
  });

  afterAll(async () => {
    printSummary('hostile-http', {
      cases: Object.values(cases).reduce((a, b) => a + b, 0),
      routes: Object.keys(cases).length,
      ...cases,
    });
    await backend?.stop();
    await knex?.destroy();
    await stopClusters(clusters ?? []);
  });

  function send(req: HostileRequest) {
    const url = `${backend.api(req.path)}${queryString(req.query)}`;
    const test = backend.request();
    const methods = {
      GET: () => test.get(url),
      POST: () => test.post(url),
      PUT: () => test.put(url),
      DELETE: () => test.delete(url),
    };
    const call = methods[req.method]().set(
      'Authorization',
      backend.header(OWNER),
    );
    return req.body === undefined ? call : call.send(req.body as object);
  }

  it.each(Object.entries(HOSTILE_ROUTES))(
    '%s answers 4xx naming the field, and changes nothing',
    async (route, arbitrary) => {
      const baseline = await sideEffects(clusters, knex);
      expect(baseline.rows).toEqual(NO_ROWS);
      await fc.assert(
        fc.asyncProperty(arbitrary, async req => {
          cases[route] = (cases[route] ?? 0) + 1;
          const res = await send(req);

          const message: string = String(
            res.body?.error?.message ?? res.text,
          ).slice(0, 400);
          const outcome = {
            field: req.field,
            status4xx: res.status >= 400 && res.status < 500,
            namesField: namesOneOf(message, req.names),
          };
          expect({ ...outcome, status: res.status, message }).toEqual({
            field: req.field,
            status4xx: true,
            namesField: true,
            status: res.status,
            message,
          });
          expect(await sideEffects(clusters, knex)).toEqual(baseline);
        }),
        { seed: SEED, numRuns: PROFILE.hostileRunsPerTarget },
      );
    },
    PROFILE.scenarioTimeoutMs,
  );

  it.each(INPUTLESS_ROUTES)(
    'GET %s ignores hostile query parameters: same answer, nothing changed',
    async path => {
      const expected = await backend.get(path, OWNER);
      const baseline = await sideEffects(clusters, knex);
      await fc.assert(
        fc.asyncProperty(IGNORED_QUERY, async ([key, value]) => {
          cases[`GET ${path}`] = (cases[`GET ${path}`] ?? 0) + 1;
          const res = await send({
            method: 'GET',
            path,
            query: [[key, value]],
            field: key,
            names: [key],
          });
          expect({ status: res.status, body: res.body }).toEqual({
            status: expected.status,
            body: expected.body,
          });
          expect(await sideEffects(clusters, knex)).toEqual(baseline);
        }),
        { seed: SEED, numRuns: Math.ceil(PROFILE.hostileRunsPerTarget / 3) },
      );
    },
    PROFILE.scenarioTimeoutMs,
  );
});

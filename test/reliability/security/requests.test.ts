import { Knex } from 'knex';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { FrameworkAuditEvent } from '../harness/auditLog';
import { OWNER, ReliabilityBackend } from '../harness/backend';
import { TestCluster } from '../harness/clusters';
import { pluginRowCounts } from '../harness/database';
import { sideEffects } from '../harness/hostile/effects';
import { printSummary } from '../harness/summary';
import { startSecuritySuite, stopSuite } from '../harness/securitySuite';

const OWNED = '/entities/component/default/hostile-target';
const USER_AGENT = 'hostile-suite/1.0';
const SECRET_IN_BODY = 'body-marker-7f3a9c';

/** A request with a body as raw bytes, so that nothing re-encodes what the case sends. */
interface BodyCase {
  name: string;
  contentType: string;
  body: Buffer;
  encoding?: string;
  /** Status for an authenticated caller. */
  status: number;
  error: string;
}

const BODY_CASES: BodyCase[] = [
  {
    name: 'malformed JSON',
    contentType: 'application/json',
    body: Buffer.from(`{"cluster": "${SECRET_IN_BODY}",`),
    status: 400,
    error: 'InputError',
  },
  {
    name: 'a JSON string instead of an object',
    contentType: 'application/json',
    body: Buffer.from(JSON.stringify(SECRET_IN_BODY)),
    status: 400,
    error: 'InputError',
  },
  {
    name: 'a JSON array instead of an object',
    contentType: 'application/json',
    body: Buffer.from(JSON.stringify([SECRET_IN_BODY])),
    status: 400,
    error: 'InputError',
  },
  {
    name: 'a body over 64 KB',
    contentType: 'application/json',
    body: Buffer.from(JSON.stringify({ cluster: SECRET_IN_BODY.repeat(7000) })),
    status: 413,
    error: 'PayloadTooLargeError',
  },
  {
    name: 'a 1 KB gzip body that inflates to 1 MB',
    contentType: 'application/json',
    encoding: 'gzip',
    body: gzipSync(
      Buffer.from(`{"cluster": "${SECRET_IN_BODY}${' '.repeat(1 << 20)}"}`),
    ),
    status: 413,
    error: 'PayloadTooLargeError',
  },
  {
    name: 'an unsupported content encoding',
    contentType: 'application/json',
    encoding: 'br-bomb',
    body: Buffer.from(`{"cluster": "${SECRET_IN_BODY}"}`),
    status: 400,
    error: 'InputError',
  },
];

/** What of an error response could leak: stack traces, source paths, the body that was sent. */
function leaks(text: string): string[] {
  return [
    ...(text.includes('"stack"') ? ['stack'] : []),
    ...(/\/(?:work|home|src|node_modules)\//.test(text) ? ['path'] : []),
    ...(text.includes(SECRET_IN_BODY) ? ['echoed body'] : []),
  ];
}

describe('requests: authentication before the body, every refusal audited with its caller', () => {
  let clusters: TestCluster[];
  let knex: Knex;
  let backend: ReliabilityBackend;
  const log: FrameworkAuditEvent[] = [];

  beforeAll(async () => {
    ({ clusters, knex, backend } = await startSecuritySuite({
      frameworkAuditLog: log,
    }));
  });

  afterAll(() => stopSuite({ clusters, knex, backend }));

  /** Sends the case's bytes as they are (supertest would re-encode a gzip body). */
  function send(
    body: BodyCase,
    authorization?: string,
  ): Promise<{ status: number; text: string; body: any }> {
    const { port } = backend.server.address() as AddressInfo;
    const headers: Record<string, string | number> = {
      'content-type': body.contentType,
      'content-length': body.body.length,
      'user-agent': USER_AGENT,
      ...(body.encoding ? { 'content-encoding': body.encoding } : {}),
      ...(authorization ? { authorization } : {}),
    };
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: backend.api(`${OWNED}/caches`),
          headers,
        },
        res => {
          const chunks: Buffer[] = [];
          res.on('data', chunk => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown;
            try {
              parsed = JSON.parse(text);
            } catch {
              parsed = {};
            }
            resolve({ status: res.statusCode ?? 0, text, body: parsed });
          });
        },
      );
      req.on('error', reject);
      req.end(body.body);
    });
  }

  /** The failed events logged since `from`. */
  const failedSince = (from: number) =>
    log.slice(from).filter(event => event.status === 'failed');

  it('names no actor (not the plugin) for a bad bearer token, with the request', async () => {
    const from = log.length;
    const res = await backend
      .request()
      .post(backend.api(`${OWNED}/caches`))
      .set('Authorization', 'Bearer not-a-jwt')
      .set('User-Agent', USER_AGENT)
      .send({});
    expect(res.status).toBe(401);
    const failed = failedSince(from);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({
      eventId: 'cache-create',
      actor: {
        ip: expect.stringMatching(/127\.0\.0\.1$/),
        userAgent: USER_AGENT,
      },
      request: { method: 'POST', url: `/api/eci-image-cache${OWNED}/caches` },
      meta: { credentials: 'invalid' },
    });
    expect(failed[0].actor.actorId).toBeUndefined();
    expect(log.slice(from).map(e => e.actor.actorId)).not.toContain(
      'plugin:eci-image-cache',
    );

    // The same on a read route, which the framework used to refuse before the plugin saw it.
    const readFrom = log.length;
    const read = await backend
      .request()
      .get(backend.api(OWNED))
      .set('Authorization', 'Bearer not-a-jwt')
      .set('User-Agent', USER_AGENT);
    expect(read.status).toBe(401);
    expect(failedSince(readFrom)).toMatchObject([
      { eventId: 'request-refused', actor: { userAgent: USER_AGENT } },
    ]);
    expect(failedSince(readFrom)[0].actor.actorId).toBeUndefined();

    // A valid caller is named.
    const ownFrom = log.length;
    await backend.put(`${OWNED}/settings`, { retentionDays: 'x' }, OWNER);
    expect(failedSince(ownFrom)).toMatchObject([
      { eventId: 'settings-save', actor: { actorId: OWNER } },
    ]);
  });

  it('refuses hostile bodies of unauthenticated callers with 401 before reading them, and of users with 400/413, each audited once', async () => {
    const before = await sideEffects(clusters, knex);
    const outcomes: string[] = [];
    for (const body of BODY_CASES) {
      for (const caller of ['none', 'bad-token', 'user'] as const) {
        const from = log.length;
        const authorization = {
          none: undefined,
          'bad-token': 'Bearer not-a-jwt',
          user: backend.header(OWNER),
        }[caller];
        const res = await send(body, authorization);
        const expected =
          caller === 'user'
            ? { status: body.status, error: body.error }
            : { status: 401, error: 'AuthenticationError' };
        const failed = failedSince(from);
        expect({
          case: `${body.name} as ${caller}`,
          status: res.status,
          error: res.body.error?.name,
          leaks: leaks(res.text),
          audited: failed.map(e => [e.eventId, e.error?.split(':')[0]]),
          actor: failed[0]?.actor.actorId,
          userAgent: failed[0]?.actor.userAgent,
        }).toEqual({
          case: `${body.name} as ${caller}`,
          status: expected.status,
          error: expected.error,
          leaks: [],
          audited: [['cache-create', expected.error]],
          actor: caller === 'user' ? OWNER : undefined,
          userAgent: USER_AGENT,
        });
        outcomes.push(`${res.status}`);
      }
    }
    expect(await sideEffects(clusters, knex)).toEqual(before);
    expect((await pluginRowCounts(knex)).eci_cache_requests ?? 0).toBe(0);
    printSummary('hostile-bodies', {
      cases: outcomes.length,
      unauthenticated401: outcomes.filter(s => s === '401').length,
      rejected400: outcomes.filter(s => s === '400').length,
      tooLarge413: outcomes.filter(s => s === '413').length,
      audited: outcomes.length,
    });
  });

  it('answers unknown routes with a Backstage JSON 404 after authentication, audited', async () => {
    const from = log.length;
    const unknown = await backend.get(
      '/entities/component/default/hostile-target/nope',
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({
      error: {
        name: 'NotFoundError',
        message: expect.stringContaining('/nope'),
      },
      request: { method: 'GET' },
      response: { statusCode: 404 },
    });
    expect((await backend.get('/no-such-route')).body.error.name).toBe(
      'NotFoundError',
    );
    const anonymous = await backend
      .request()
      .get(backend.api('/entities/component/default/hostile-target/nope'));
    expect(anonymous.status).toBe(401);
    expect(failedSince(from).map(e => e.eventId)).toEqual([
      'request-refused',
      'request-refused',
      'request-refused',
    ]);
  });

  it('puts no stack trace, source path or request body into any error response outside development', async () => {
    expect(process.env.NODE_ENV).not.toBe('development');
    const responses = [
      await backend.get('/caches?phase=%20Ready'),
      await backend.post(`${OWNED}/caches`, { cluster: SECRET_IN_BODY }),
      await backend.post(`${OWNED}/caches`, { [SECRET_IN_BODY]: 1 }),
      await backend.get('/entities/component/default/missing'),
      await send(BODY_CASES[0], backend.header(OWNER)),
    ];
    expect(responses.map(r => r.status)).toEqual([400, 400, 400, 404, 400]);
    // Validation messages may name the offending field; only the raw-body cases must not echo.
    expect(
      responses.map(r => leaks(r.text).filter(l => l !== 'echoed body')),
    ).toEqual(responses.map(() => []));
    expect(leaks(responses[4].text)).toEqual([]);
  });
});

import { request as httpRequest } from 'node:http';
import type { RunningEmulator } from '../emulator/options';
import {
  imageCacheBody,
  rawRequest,
  startTestEmulator,
  waitFor,
} from '../__testUtils__/emulatorClients';

const LIST = '/apis/eci.alibabacloud.com/v1/imagecaches';

describe('fault injection and admin endpoints', () => {
  let emulator: RunningEmulator;

  beforeEach(async () => {
    emulator = await startTestEmulator({ controllers: false });
  });
  afterEach(() => emulator.stop());

  const admin = (method: string, path: string, body?: unknown) =>
    rawRequest(emulator, method, path, { body });

  it('injects 500s per verb at the configured rate, reproducibly', async () => {
    await admin('PUT', '/_emulator/faults', { errorRate: { list: 1 } });
    const failed = await rawRequest(emulator, 'GET', LIST);
    expect(failed.status).toBe(500);
    expect(failed.json).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'InternalError',
      code: 500,
      message: 'Internal error occurred: injected fault',
    });
    expect(
      (await rawRequest(emulator, 'POST', LIST, { body: imageCacheBody('ok') }))
        .status,
    ).toBe(201);

    const outcomes = async () => {
      await admin('PUT', '/_emulator/faults', {
        errorRate: { '*': 0.5 },
        seed: 7,
      });
      const codes: number[] = [];
      for (let i = 0; i < 20; i++)
        codes.push((await rawRequest(emulator, 'GET', `${LIST}/ok`)).status);
      return codes;
    };
    const first = await outcomes();
    expect(first).toContain(500);
    expect(first).toContain(200);
    expect(await outcomes()).toEqual(first);

    const stats = (await admin('GET', '/_emulator/stats')).json;
    expect(stats.faultsInjected.error).toBe(
      1 + 2 * first.filter(c => c === 500).length,
    );
    expect(stats.requests).toBe(2 + 2 * first.length);
  });

  it('adds latency', async () => {
    emulator.faults.set({ latencyMs: 150 });
    const started = Date.now();
    expect((await rawRequest(emulator, 'GET', LIST)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(emulator.stats.snapshot().faultsInjected.latency).toBe(1);
  });

  it('throttles with 429 and Retry-After', async () => {
    await admin('PATCH', '/_emulator/faults', {
      throttleRate: 1,
      retryAfterSeconds: 3,
    });
    const throttled = await rawRequest(emulator, 'GET', LIST);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('3');
    expect(throttled.json).toMatchObject({
      reason: 'TooManyRequests',
      code: 429,
      details: { retryAfterSeconds: 3 },
    });
  });

  it('answers every Nth update with a Conflict', async () => {
    await rawRequest(emulator, 'POST', LIST, { body: imageCacheBody('c') });
    emulator.faults.set({ conflictEveryNthUpdate: 3 });
    const codes: number[] = [];
    for (let i = 1; i <= 6; i++) {
      const response = await rawRequest(emulator, 'PATCH', `${LIST}/c`, {
        body: { spec: { retentionDays: i } },
        headers: { 'Content-Type': 'application/merge-patch+json' },
      });
      codes.push(response.status);
    }
    expect(codes).toEqual([200, 200, 409, 200, 200, 409]);
  });

  it('makes the API unreachable while admin endpoints keep working', async () => {
    await admin('PUT', '/_emulator/faults', { unreachable: true });
    await expect(rawRequest(emulator, 'GET', LIST)).rejects.toThrow();
    const raw = await new Promise<string>(resolve => {
      const req = httpRequest(`${emulator.url}${LIST}`, { agent: false }, () =>
        resolve('answered'),
      );
      req.on('error', error =>
        resolve((error as NodeJS.ErrnoException).code ?? 'error'),
      );
      req.end();
    });
    expect(raw).toBe('ECONNRESET');
    expect((await admin('DELETE', '/_emulator/faults')).json).toEqual({});
    expect((await rawRequest(emulator, 'GET', LIST)).status).toBe(200);
    expect(
      emulator.stats.snapshot().faultsInjected.unreachable,
    ).toBeGreaterThanOrEqual(2);
  });

  it('answers no request that was still waiting out its latency when the API became unreachable', async () => {
    emulator.faults.set({ latencyMs: 300 });
    const pending = rawRequest(emulator, 'GET', LIST);
    await new Promise(resolve => setTimeout(resolve, 50));
    emulator.faults.set({ unreachable: true });
    await expect(pending).rejects.toThrow();
    expect(emulator.stats.snapshot().faultsInjected).toMatchObject({
      latency: 1,
      unreachable: 1,
    });
  });

  it('closes watch streams periodically', async () => {
    emulator.faults.set({ dropWatchesEveryMs: 50 });
    const response = await fetch(`${emulator.url}${LIST}?watch=true`, {
      headers: { Authorization: `Bearer ${emulator.tokens.admin}` },
    });
    expect(response.status).toBe(200);
    await response.text();
    await waitFor(
      () => emulator.stats.snapshot().faultsInjected.droppedWatch >= 1,
      2000,
      'dropped watch',
    );
    expect(emulator.stats.snapshot().activeWatches).toBe(0);
  });

  it('validates fault settings and requires an admin token', async () => {
    const invalid = await admin('PUT', '/_emulator/faults', {
      errorRate: { get: 2 },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.json.message).toBe(
      'errorRate.get must be a number between 0 and 1',
    );
    expect(
      (await admin('PUT', '/_emulator/faults', { surprise: 1 })).json.message,
    ).toBe('unknown fault setting(s): surprise');
    expect(
      (await rawRequest(emulator, 'GET', '/_emulator/faults', { token: null }))
        .status,
    ).toBe(401);
    const forbidden = await rawRequest(emulator, 'GET', '/_emulator/faults', {
      token: emulator.tokens.backstage,
    });
    expect(forbidden.json).toMatchObject({
      code: 403,
      message:
        'forbidden: User "backstage" cannot get path "/_emulator/faults"',
    });
  });

  it('advances the simulated clock and forces compaction', async () => {
    const before = (await admin('GET', '/_emulator/clock')).json;
    expect(before).toMatchObject({ manual: true, scale: 0 });
    const after = (
      await admin('POST', '/_emulator/clock/advance', { ms: 90_000 })
    ).json;
    expect(after.now - before.now).toBe(90_000);

    const created = (
      await rawRequest(emulator, 'POST', LIST, { body: imageCacheBody('w') })
    ).json;
    await rawRequest(emulator, 'PATCH', `${LIST}/w`, {
      body: { spec: { retentionDays: 1 } },
      headers: { 'Content-Type': 'application/merge-patch+json' },
    });
    expect((await admin('POST', '/_emulator/compact')).status).toBe(200);
    const watch = await rawRequest(
      emulator,
      'GET',
      `${LIST}?watch=true&resourceVersion=${created.metadata.resourceVersion}`,
    );
    expect(JSON.parse(watch.text.trim())).toMatchObject({
      type: 'ERROR',
      object: { code: 410, reason: 'Expired' },
    });
  });
});

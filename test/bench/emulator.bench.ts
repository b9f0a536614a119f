/*
 * Benchmark of the ACK emulator: LIST latency and watch fan-out with 10,000 ImageCaches.
 * Run from the repository root: npx tsx test/bench/emulator.bench.ts
 * Budgets: a LIST of 10,000 objects under 1 s, emulator process memory (peak RSS) under 200 MB.
 * The emulator runs in a child process (emulatorBenchServer.ts) so the clients' own
 * libraries and parsing do not count against its memory.
 */
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { CustomObjectsApi, KubeConfig } from '@kubernetes/client-node';
import { benchReport } from './benchReport';

/** What the client side needs from the emulator process. */
interface Target {
  url: string;
  tokens: { admin: string };
}

const OBJECTS = 10_000;
const WATCHERS = 100;
const UPDATES = 1_000;
const LIST_BUDGET_MS = 1_000;
const MEMORY_BUDGET_MB = 200;

const agent = new Agent({ keepAlive: true, maxSockets: 256 });
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

function call(
  emulator: Target,
  method: string,
  path: string,
  body?: unknown,
  contentType = 'application/json',
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${emulator.url}${path}`,
      {
        method,
        agent,
        headers: {
          Authorization: `Bearer ${emulator.tokens.admin}`,
          ...(body ? { 'Content-Type': contentType } : {}),
        },
      },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', chunk => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

async function inParallel(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const value = await fn();
  return [performance.now() - start, value];
}

function stats(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(
      1,
    );
  return `min ${sorted[0].toFixed(1)} ms, median ${at(0.5)} ms, max ${sorted[
    sorted.length - 1
  ].toFixed(1)} ms`;
}

function openWatch(
  emulator: Target,
  resourceVersion: string,
  onEvent: () => void,
): Promise<() => void> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${emulator.url}/apis/eci.alibabacloud.com/v1/imagecaches?watch=true&resourceVersion=${resourceVersion}`,
      {
        agent: false,
        headers: { Authorization: `Bearer ${emulator.tokens.admin}` },
      },
      res => {
        let buffered = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffered += chunk;
          let newline = buffered.indexOf('\n');
          while (newline >= 0) {
            if (newline > 0) onEvent();
            buffered = buffered.slice(newline + 1);
            newline = buffered.indexOf('\n');
          }
        });
        res.on('error', () => undefined);
        resolve(() => req.destroy());
      },
    );
    req.on('error', error => {
      if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(error);
    });
    req.end();
  });
}

async function startServerProcess(): Promise<{
  target: Target;
  stop: () => void;
}> {
  // Loaded like bin/ack-emulator does: tsx's CommonJS hook only (no ESM loader thread).
  const child = spawn(
    process.execPath,
    ['--require', 'tsx/cjs', join(__dirname, 'emulatorBenchServer.ts')],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', code =>
      reject(new Error(`emulator process exited with ${code}`)),
    );
  });
  return {
    target: JSON.parse(line) as Target,
    stop: () => child.kill('SIGTERM'),
  };
}

async function emulatorMemory(
  emulator: Target,
): Promise<{ rss: number; peakRss: number; heapUsed: number }> {
  return JSON.parse((await call(emulator, 'GET', '/_emulator/stats')).body)
    .memory;
}

async function main(): Promise<void> {
  const server = await startServerProcess();
  const emulator = server.target;
  const failures: string[] = [];
  const readme = benchReport('emulator');
  const report: [string, string][] = [];
  try {
    const [createMs] = await timed(() =>
      inParallel(OBJECTS, 64, async i => {
        const name = `cache-${String(i).padStart(5, '0')}`;
        const response = await call(
          emulator,
          'POST',
          '/apis/eci.alibabacloud.com/v1/imagecaches',
          {
            apiVersion: 'eci.alibabacloud.com/v1',
            kind: 'ImageCache',
            metadata: {
              name,
              labels: { shard: String(i % 10) },
              annotations: { 'k8s.aliyun.com/imc-enable-reuse': 'true' },
            },
            spec: {
              images: [
                'docker.io/library/nginx:1.25.3',
                'docker.io/library/python:3.12-slim',
              ],
              imageCacheSize: 20,
              retentionDays: 7,
            },
          },
        );
        if (response.status !== 201)
          throw new Error(
            `create ${name}: ${response.status} ${response.body}`,
          );
      }),
    );
    report.push([
      'create 10,000 ImageCaches (HTTP, 64 in flight)',
      `${(createMs / 1000).toFixed(2)} s (${Math.round(
        OBJECTS / (createMs / 1000),
      )}/s)`,
    ]);
    const afterCreate = await emulatorMemory(emulator);
    report.push([
      'emulator memory after create',
      `RSS ${mb(afterCreate.rss)} MB, heap used ${mb(afterCreate.heapUsed)} MB`,
    ]);

    const listJson: number[] = [];
    let listBytes = 0;
    for (let i = 0; i < 5; i++) {
      const [ms, response] = await timed(() =>
        call(emulator, 'GET', '/apis/eci.alibabacloud.com/v1/imagecaches'),
      );
      const count = (JSON.parse(response.body).items as unknown[]).length;
      if (count !== OBJECTS) throw new Error(`LIST returned ${count} items`);
      listBytes = response.body.length;
      listJson.push(ms);
    }
    report.push([
      `LIST 10,000 (raw JSON, ${mb(listBytes)} MB)`,
      stats(listJson),
    ]);

    const kc = new KubeConfig();
    kc.loadFromOptions({
      clusters: [{ name: 'bench', server: emulator.url, skipTLSVerify: true }],
      users: [{ name: 'admin', token: emulator.tokens.admin }],
      contexts: [{ name: 'bench', cluster: 'bench', user: 'admin' }],
      currentContext: 'bench',
    });
    const custom = kc.makeApiClient(CustomObjectsApi);
    const listClient: number[] = [];
    for (let i = 0; i < 3; i++) {
      const [ms, list] = await timed(() =>
        custom.listClusterCustomObject({
          group: 'eci.alibabacloud.com',
          version: 'v1',
          plural: 'imagecaches',
        }),
      );
      if (list.items.length !== OBJECTS)
        throw new Error('client-node LIST returned the wrong count');
      listClient.push(ms);
    }
    report.push(['LIST 10,000 (@kubernetes/client-node)', stats(listClient)]);

    const listTable: number[] = [];
    for (let i = 0; i < 3; i++) {
      const [ms] = await timed(
        () =>
          new Promise<void>((resolve, reject) => {
            const req = request(
              `${emulator.url}/apis/eci.alibabacloud.com/v1/imagecaches`,
              {
                agent,
                headers: {
                  Authorization: `Bearer ${emulator.tokens.admin}`,
                  Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io',
                },
              },
              res => {
                res.resume();
                res.on('end', () => resolve());
              },
            );
            req.on('error', reject);
            req.end();
          }),
      );
      listTable.push(ms);
    }
    report.push(['LIST 10,000 as Table (kubectl get)', stats(listTable)]);

    const [pagedMs, pages] = await timed(async () => {
      let token = '';
      let count = 0;
      for (;;) {
        const response = await call(
          emulator,
          'GET',
          `/apis/eci.alibabacloud.com/v1/imagecaches?limit=500${
            token ? `&continue=${token}` : ''
          }`,
        );
        count++;
        token = JSON.parse(response.body).metadata.continue ?? '';
        if (!token) return count;
      }
    });
    report.push([
      `LIST 10,000 in ${pages} pages of 500`,
      `${pagedMs.toFixed(1)} ms total`,
    ]);

    const [selectorMs, selected] = await timed(() =>
      call(
        emulator,
        'GET',
        '/apis/eci.alibabacloud.com/v1/imagecaches?labelSelector=shard%3D3',
      ),
    );
    report.push([
      `LIST with labelSelector (${
        JSON.parse(selected.body).items.length
      } of 10,000)`,
      `${selectorMs.toFixed(1)} ms`,
    ]);

    const maxList = Math.max(...listJson, ...listClient);
    if (maxList >= LIST_BUDGET_MS)
      failures.push(
        `LIST of 10,000 took ${maxList.toFixed(
          1,
        )} ms (budget ${LIST_BUDGET_MS} ms)`,
      );

    const resourceVersion = JSON.parse(
      (
        await call(
          emulator,
          'GET',
          '/apis/eci.alibabacloud.com/v1/imagecaches?limit=1',
        )
      ).body,
    ).metadata.resourceVersion;
    let received = 0;
    const closers = await Promise.all(
      Array.from({ length: WATCHERS }, () =>
        openWatch(emulator, resourceVersion, () => received++),
      ),
    );
    const expected = WATCHERS * UPDATES;
    const getDuringFanOut: number[] = [];
    const [fanOutMs] = await timed(async () => {
      await inParallel(UPDATES, 32, async i => {
        const name = `cache-${String(i).padStart(5, '0')}`;
        const response = await call(
          emulator,
          'PATCH',
          `/apis/eci.alibabacloud.com/v1/imagecaches/${name}/status`,
          { status: { progress: '50%' } },
          'application/merge-patch+json',
        );
        if (response.status !== 200)
          throw new Error(`patch ${name}: ${response.status}`);
        if (i % 100 === 0)
          getDuringFanOut.push(
            (
              await timed(() =>
                call(
                  emulator,
                  'GET',
                  `/apis/eci.alibabacloud.com/v1/imagecaches/${name}`,
                ),
              )
            )[0],
          );
      });
      const deadline = Date.now() + 30_000;
      while (received < expected && Date.now() < deadline)
        await new Promise(resolve => setTimeout(resolve, 5));
    });
    for (const close of closers) close();
    if (received < expected)
      failures.push(`watchers received ${received} of ${expected} events`);
    report.push([
      `watch fan-out: ${UPDATES} updates × ${WATCHERS} watchers`,
      `${received.toLocaleString('en-US')} events in ${(
        fanOutMs / 1000
      ).toFixed(2)} s (${Math.round(
        received / (fanOutMs / 1000),
      ).toLocaleString('en-US')} events/s)`,
    ]);
    report.push(['GET latency during fan-out', stats(getDuringFanOut)]);
    const memory = await emulatorMemory(emulator);
    report.push([
      'emulator peak RSS',
      `${mb(memory.peakRss)} MB (now ${mb(memory.rss)} MB, heap used ${mb(
        memory.heapUsed,
      )} MB)`,
    ]);
    report.push([
      'benchmark client RSS (not budgeted)',
      `${mb(process.memoryUsage().rss)} MB`,
    ]);
    if (mb(memory.peakRss) >= MEMORY_BUDGET_MB)
      failures.push(
        `emulator peak RSS ${mb(
          memory.peakRss,
        )} MB (budget ${MEMORY_BUDGET_MB} MB)`,
      );
    const median = (samples: number[]) =>
      [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)];
    readme.figure({
      benchmark: 'emulator: LIST 10,000 ImageCaches (client-node / raw / as Table)',
      figure: `median ${[listClient, listJson, listTable]
        .map(samples => median(samples).toFixed(0))
        .join(' / ')} ms`,
      budget: `< ${LIST_BUDGET_MS / 1000} s`,
      met: maxList < LIST_BUDGET_MS,
    });
    readme.figure({
      benchmark: 'emulator: peak RSS with 10,000 ImageCaches',
      figure: `${mb(memory.peakRss)} MB`,
      budget: `< ${MEMORY_BUDGET_MB} MB`,
      met: mb(memory.peakRss) < MEMORY_BUDGET_MB,
    });
    readme.figure({
      benchmark: `emulator: watch fan-out, ${UPDATES.toLocaleString(
        'en-US',
      )} updates × ${WATCHERS} watchers`,
      figure: `${Math.round(received / (fanOutMs / 1000)).toLocaleString(
        'en-US',
      )} events/s`,
      budget: `all ${expected.toLocaleString('en-US')} events delivered`,
      met: received >= expected,
    });
  } finally {
    server.stop();
    agent.destroy();
  }

  const width = Math.max(...report.map(([label]) => label.length));
  process.stdout.write(`ACK emulator benchmark (Node ${process.version})\n`);
  for (const [label, value] of report)
    process.stdout.write(`  ${label.padEnd(width)}  ${value}\n`);
  readme.write();
  if (failures.length > 0) {
    process.stdout.write(
      `BUDGET MISSED:\n${failures.map(f => `  - ${f}`).join('\n')}\n`,
    );
    process.exitCode = 1;
  } else {
    process.stdout.write(
      `All budgets met (LIST < ${LIST_BUDGET_MS} ms, RSS < ${MEMORY_BUDGET_MB} MB).\n`,
    );
  }
}

main().catch(error => {
  process.stderr.write(
    `benchmark failed: ${error instanceof Error ? error.stack : error}\n`,
  );
  process.exit(1);
});

// What the backend benchmarks share: heap after full GC, percentiles, the forked cluster host
// (backendBenchClusters.ts), HTTP calls over one keep-alive connection, and polling.
import { fork } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as (options?: { type: 'minor' | 'major'; execution: 'sync' }) => void;

/**
 * Empties the young generation, so that the next measurement does not pay for earlier garbage.
 * A full collection would not do: the heap it leaves is swept lazily by the next allocations,
 * which then pay for it.
 */
export function collectYoungGarbage(): void {
  gc({ type: 'minor', execution: 'sync' });
}

export function heapMiB(): number {
  for (let i = 0; i < 4; i++) gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export type HostMessage = { type: string; [key: string]: any };

/** Forks the emulated clusters; `args` go to backendBenchClusters.ts. */
export function startClusterHost(args: string[] = []) {
  const child = fork(path.join(__dirname, 'backendBenchClusters.ts'), args, {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  process.on('exit', () => child.kill());
  const waiting: Array<{ type: string; resolve: (m: HostMessage) => void; reject: (e: Error) => void }> = [];
  child.on('message', (message: HostMessage) => {
    const index = waiting.findIndex(w => w.type === message.type);
    if (index !== -1) waiting.splice(index, 1)[0].resolve(message);
  });
  // A crashed host fails the benchmark at once instead of leaving it waiting for an answer.
  child.on('exit', code => {
    for (const w of waiting.splice(0)) w.reject(new Error(`the cluster host exited (${code}) before answering ${w.type}`));
  });
  const next = (type: string) =>
    new Promise<HostMessage>((resolve, reject) => waiting.push({ type, resolve, reject }));
  return {
    ready: next('ready'),
    async ask(message: HostMessage, reply: string) {
      const answer = next(reply);
      child.send(message);
      return answer;
    },
    stop() {
      child.send({ type: 'stop' });
    },
  };
}

export type Timed = { status: number; body: string; ms: number };

/** Requests to one backend over a single keep-alive connection, timed from send to last byte. */
export function backendClient(port: number, authorization: string) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const once = (method: 'GET' | 'POST', route: string, body?: unknown) =>
    new Promise<Timed>((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const started = process.hrtime.bigint();
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method,
          path: route,
          agent,
          headers: {
            authorization,
            ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
          },
        },
        res => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', chunk => (text += chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode!, body: text, ms: Number(process.hrtime.bigint() - started) / 1e6 }),
          );
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  // The server may close the idle keep-alive connection just as it is reused (after a long
  // pause, e.g. seeding); that request is sent again, and only the second one is timed.
  return (method: 'GET' | 'POST', route: string, body?: unknown) =>
    once(method, route, body).catch(error => {
      if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') throw error;
      return once(method, route, body);
    });
}

export async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 20));
  }
}

export type BenchCluster = { name: string; url: string; token: string; adminToken: string };

/** The plugin's configuration for the emulated clusters and the bench data's ACR instance. */
export function eciImageCacheConfig(clusters: BenchCluster[]) {
  return {
    clusters: clusters.map((cluster, index) => ({
      name: cluster.name,
      url: cluster.url,
      region: 'cn-hangzhou',
      authProvider: 'serviceAccount',
      serviceAccountToken: cluster.token,
      skipTLSVerify: true,
      default: index === 0,
    })),
    acr: {
      instances: [
        { id: 'cri-f34lmbk2rxqx41u8', region: 'cn-hangzhou', domains: ['acr-en-hangzhou-registry.cn-hangzhou.cr.aliyuncs.com'] },
      ],
    },
  };
}

/**
 * Benchmark of `eci:workflow:generate`: one action call for 500 services must take under 1 s.
 * Run from the repository root: `npx tsx test/bench/scaffolder.bench.ts`. Exits non-zero when a
 * case is over budget.
 *
 * Cases: 500 inline services (no backend), and 500 catalog entities resolved through an
 * in-memory EciImageCacheService (the action's own work: planning, pinning, building, rendering,
 * writing; the HTTP round trips of a real backend are not part of this figure).
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import { JsonObject, JsonValue } from '@backstage/types';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createGenerateWorkflowsAction } from '@eci-portal/plugin-scaffolder-backend-module-eci-image-cache';
// The module's in-memory backend double; test utilities are not part of its public API.
// eslint-disable-next-line @backstage/no-forbidden-package-imports
import {
  cacheView,
  FakeEciImageCache,
  FakeEntity,
} from '@eci-portal/plugin-scaffolder-backend-module-eci-image-cache/src/__testUtils__/fakeEciImageCache';
import { benchReport } from './benchReport';

const SERVICES = 500;
const readme = benchReport('scaffolder');
const BUDGET_MS = 1000;
const RUNS = 5;

const IMAGES = [
  'acr-en-hangzhou-registry.cn-hangzhou.cr.aliyuncs.com/ml/trainer:1.4.2',
  'docker.io/library/python:3.12-slim',
];

const silentLogger = {
  info() {},
  warn() {},
  error() {},
  debug() {},
  child() {
    return silentLogger;
  },
};

async function runOnce(
  action: ReturnType<typeof createGenerateWorkflowsAction>,
  input: JsonObject,
): Promise<{ ms: number; files: number }> {
  const workspacePath = fs.mkdtempSync(path.join(os.tmpdir(), 'eci-bench-'));
  const outputs: Record<string, JsonValue> = {};
  const started = performance.now();
  await action.handler({
    input: input as any,
    workspacePath,
    logger: silentLogger as any,
    output: (name: string | number | symbol, value: JsonValue) => {
      outputs[String(name)] = value;
    },
    checkpoint: async ({ fn }: { fn: () => any }) => fn(),
    createTemporaryDirectory: async () =>
      fs.mkdtempSync(`${workspacePath}_tmp-`),
    getInitiatorCredentials: async () => mockCredentials.user(),
    task: { id: 'bench' },
  } as any);
  const ms = performance.now() - started;
  const files = (outputs.files as string[]).length;
  fs.rmSync(workspacePath, { recursive: true, force: true });
  return { ms, files };
}

async function measure(
  name: string,
  input: JsonObject,
  backend: FakeEciImageCache,
) {
  const action = createGenerateWorkflowsAction({ eciImageCache: backend });
  await runOnce(action, input); // warm-up (module loading, JIT)
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const { ms, files } = await runOnce(action, input);
    if (files !== SERVICES) {
      throw new Error(`${name}: wrote ${files} files, expected ${SERVICES}`);
    }
    times.push(ms);
  }
  const worst = Math.max(...times);
  const median = [...times].sort((a, b) => a - b)[Math.floor(RUNS / 2)];
  readme.figure({
    benchmark: `scaffolder: \`eci:workflow:generate\` for ${SERVICES} ${name}`,
    figure: `median ${median.toFixed(0)} ms, worst ${worst.toFixed(0)} ms of ${RUNS} runs`,
    budget: `worst < ${BUDGET_MS / 1000} s`,
    met: worst < BUDGET_MS,
  });
  return worst < BUDGET_MS;
}

async function main() {
  const inline = Array.from({ length: SERVICES }, (_, index) => ({
    name: `svc-${index}`,
    images: IMAGES,
    command: ['python', '-m', 'job'],
    acrInstanceId: 'cn-hangzhou:cri-f34lmbk2rxqx41u8',
    clusterRegion: 'cn-shanghai',
  }));
  const entities: FakeEntity[] = Array.from(
    { length: SERVICES },
    (_, index) => ({
      entityRef: `component:default/svc-${index}`,
      images: IMAGES,
      cacheMode: 'manual',
      acrInstance: 'cri-f34lmbk2rxqx41u8',
      caches: [
        cacheView({
          name: `svc-${index}-0123456789`,
          entityRef: `component:default/svc-${index}`,
          images: IMAGES,
          imageCacheId: `imc-bench${index}`,
        }),
      ],
    }),
  );
  const results = [
    await measure(
      'inline services',
      { services: inline },
      new FakeEciImageCache(),
    ),
    await measure(
      'catalog entities (pinned)',
      {
        services: entities.map(entity => entity.entityRef),
        cacheMode: 'pinned',
        dialect: 'current',
      },
      new FakeEciImageCache(entities),
    ),
  ];
  readme.write();
  if (results.includes(false)) {
    process.exitCode = 1;
  }
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});

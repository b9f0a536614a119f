// Memory of run evidence: 10,000 entities × 20 runs held by the backend's RunStore, each run
// folded from the event sequence ECI and the kubelet emit for a pod. Run from the repository root:
//
//   npx tsx test/bench/runEvidence.bench.ts
//
// Budget (the process exits non-zero when it is missed): < 200 MB of heap for the 200,000 runs.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { entityRefHash } from '@eci-portal/plugin-eci-image-cache-common';
/* eslint-disable @backstage/no-forbidden-package-imports */
import { RunStore } from '@eci-portal/plugin-eci-image-cache-backend/src/runs/RunStore';
/* eslint-enable @backstage/no-forbidden-package-imports */
import { benchReport } from './benchReport';

const ENTITIES = 10_000;
const RUNS = 20;
const BUDGET_MB = 200;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapUsed(): number {
  for (let i = 0; i < 4; i++) gc();
  return process.memoryUsage().heapUsed;
}

function events(uid: string, image: string, run: number) {
  const hit = run % 4 !== 0;
  const involvedObject = { uid, kind: 'Pod' };
  return [
    {
      involvedObject,
      type: 'Normal',
      reason: 'Scheduled',
      message: `Successfully assigned argo/${uid} to virtual-kubelet`,
    },
    hit
      ? {
          involvedObject,
          type: 'Normal',
          reason: 'SuccessfulHitImageCache',
          message: `[eci.imagecache]Successfully hit image cache imc-${uid.slice(
            0,
            8,
          )}2ze0abc123de, eci will be scheduled with this image cache.`,
        }
      : {
          involvedObject,
          type: 'Warning',
          reason: 'ImageCacheMissed',
          message: '[eci.imagecache]Missed image cache.',
        },
    {
      involvedObject,
      type: 'Normal',
      reason: 'Pulling',
      message: `Pulling image "${image}"`,
    },
    {
      involvedObject,
      type: 'Normal',
      reason: 'Pulled',
      message: `Successfully pulled image "${image}" in ${
        hit ? '1.2' : '48.7'
      }s (${
        hit ? '1.2' : '48.7'
      }s including waiting). Image size: 3435973836 bytes.`,
    },
    {
      involvedObject,
      type: 'Normal',
      reason: 'Created',
      message: 'Created container main',
    },
    {
      involvedObject,
      type: 'Normal',
      reason: 'Started',
      message: 'Started container main',
    },
  ];
}

const before = heapUsed();
const store = new RunStore({ runsPerEntity: RUNS, pendingPods: 5_000 });
const start = Date.now();
for (let e = 0; e < ENTITIES; e++) {
  const hash = entityRefHash(`component:default/service-${e}`);
  const image = `acr-en-hangzhou-registry.cn-hangzhou.cr.aliyuncs.com/team-${
    e % 50
  }/service-${e}:1.${e % 10}.0`;
  for (let r = 0; r < RUNS; r++) {
    const uid = `${hash.slice(0, 8)}-${e}-${r}-4f6e-9a1b-${String(r).padStart(
      12,
      '0',
    )}`;
    store.upsertPod('ack-hangzhou', {
      metadata: {
        uid,
        name: `service-${e}-${r}-main-1234567890`,
        namespace: 'argo',
        creationTimestamp: new Date(
          Date.UTC(2026, 0, 1) + r * 60_000,
        ).toISOString(),
        labels: {
          'eci.backstage.io/entity-hash': hash,
          'workflows.argoproj.io/workflow': `service-${e}-${r}`,
        },
        annotations: {
          'k8s.aliyun.com/acr-instance-ids': 'cri-f34lmbk2rxqx41u8',
        },
      },
      status: { phase: 'Succeeded' },
    });
    for (const event of events(uid, image, r))
      store.applyEvent('ack-hangzhou', event);
  }
}
const elapsed = Date.now() - start;
const usedMb = (heapUsed() - before) / 1024 / 1024;
const perRun = ((usedMb * 1024 * 1024) / store.size).toFixed(0);
console.log(`${store.size} runs filled in ${elapsed} ms`);
const readme = benchReport('runs');
readme.figure({
  benchmark: `backend: run evidence held for ${ENTITIES.toLocaleString('en-US')} entities × ${RUNS} runs`,
  figure: `${usedMb.toFixed(1)} MB of heap (${perRun} bytes per run)`,
  budget: `< ${BUDGET_MB} MB`,
  met: store.size === ENTITIES * RUNS && usedMb < BUDGET_MB,
});
readme.write();
if (readme.missed().length > 0) {
  console.error(`FAILED: budget ${BUDGET_MB} MB`);
  process.exit(1);
}

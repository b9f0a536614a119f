import type { Response } from 'supertest';

/** What one read of the entity API showed. */
export interface EntitySample {
  phase: string;
  at: number;
  status: number;
  latencyMs: number;
  clusters: Array<{
    name: string;
    state: string;
    error: { statusCode?: number; message?: string } | null;
  }>;
  /** Clusters named by the response's `errors`. */
  errorClusters: string[];
}

export interface Sampler {
  /** Stops sampling and returns every sample taken. */
  stop(): Promise<EntitySample[]>;
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/**
 * Reads the entity API in a loop (one request at a time, round robin over `paths`) until
 * stopped, or until `maxSamples` were taken.
 */
export function startSampler(options: {
  read: (path: string) => PromiseLike<Response>;
  paths: string[];
  intervalMs: number;
  maxSamples: number;
  phase: () => string;
}): Sampler {
  const samples: EntitySample[] = [];
  let stopped = false;
  const loop = (async () => {
    for (let index = 0; !stopped && index < options.maxSamples; index++) {
      const phase = options.phase();
      const started = Date.now();
      const response = await options.read(
        options.paths[index % options.paths.length],
      );
      const body = response.body ?? {};
      samples.push({
        phase,
        at: started,
        status: response.status,
        latencyMs: Date.now() - started,
        clusters: (body.clusters ?? []).map((cluster: any) => ({
          name: cluster.name,
          state: cluster.sync?.state,
          error: cluster.error ?? null,
        })),
        errorClusters: (body.errors ?? []).map((error: any) => error.cluster),
      });
      await sleep(options.intervalMs);
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      return samples;
    },
  };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
}

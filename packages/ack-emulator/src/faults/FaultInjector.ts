import { seededRandom } from '../util/random';
import { isPlainObject } from '../util/json';

/** Runtime-switchable faults; every field is optional and off by default. */
export interface FaultConfig {
  /** Probability (0..1) of answering 500 InternalError, per verb (`get`, `list`, `watch`, `create`, ...) or `*`. */
  errorRate?: Record<string, number>;
  /** Added latency before every API request is handled. */
  latencyMs?: number;
  /** Close all open watch streams every N milliseconds. */
  dropWatchesEveryMs?: number;
  /** Probability (0..1) of answering 429 TooManyRequests. */
  throttleRate?: number;
  /** Retry-After seconds sent with 429s (default 1). */
  retryAfterSeconds?: number;
  /** Answer every Nth update/patch with a 409 Conflict. */
  conflictEveryNthUpdate?: number;
  /** Destroy every API connection without a response (admin endpoints keep working). */
  unreachable?: boolean;
  /** Seed of the PRNG behind the rates, for reproducible runs (default 1). */
  seed?: number;
}

export type FaultKind =
  | 'error'
  | 'latency'
  | 'throttle'
  | 'conflict'
  | 'unreachable'
  | 'droppedWatch';

function rate(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || value < 0 || value > 1)
    throw new Error(`${name} must be a number between 0 and 1`);
  return value;
}

function nonNegative(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
    throw new Error(`${name} must be a non-negative number`);
  return value;
}

/** Validates a fault configuration received from the admin endpoint or the library. */
export function parseFaultConfig(input: unknown): FaultConfig {
  if (!isPlainObject(input))
    throw new Error('fault configuration must be an object');
  const known = [
    'errorRate',
    'latencyMs',
    'dropWatchesEveryMs',
    'throttleRate',
    'retryAfterSeconds',
    'conflictEveryNthUpdate',
    'unreachable',
    'seed',
  ];
  const unknown = Object.keys(input).filter(k => !known.includes(k));
  if (unknown.length > 0)
    throw new Error(`unknown fault setting(s): ${unknown.join(', ')}`);
  const config: FaultConfig = {};
  if (input.errorRate !== undefined && input.errorRate !== null) {
    if (!isPlainObject(input.errorRate))
      throw new Error('errorRate must map verbs to rates');
    config.errorRate = {};
    for (const [verb, value] of Object.entries(input.errorRate))
      config.errorRate[verb] = rate(value, `errorRate.${verb}`)!;
  }
  config.latencyMs = nonNegative(input.latencyMs, 'latencyMs');
  config.dropWatchesEveryMs = nonNegative(
    input.dropWatchesEveryMs,
    'dropWatchesEveryMs',
  );
  config.throttleRate = rate(input.throttleRate, 'throttleRate');
  config.retryAfterSeconds = nonNegative(
    input.retryAfterSeconds,
    'retryAfterSeconds',
  );
  config.conflictEveryNthUpdate = nonNegative(
    input.conflictEveryNthUpdate,
    'conflictEveryNthUpdate',
  );
  config.seed = nonNegative(input.seed, 'seed');
  if (input.unreachable !== undefined && typeof input.unreachable !== 'boolean')
    throw new Error('unreachable must be a boolean');
  config.unreachable = input.unreachable as boolean | undefined;
  for (const key of Object.keys(config) as (keyof FaultConfig)[])
    if (config[key] === undefined) delete config[key];
  return config;
}

/** Decides, request by request, which fault (if any) to inject. */
export class FaultInjector {
  private config: FaultConfig = {};
  private random = seededRandom(1);
  private updates = 0;
  private readonly listeners = new Set<(config: FaultConfig) => void>();

  /** Called after every configuration change. */
  onChange(listener: (config: FaultConfig) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Replaces the whole configuration (and reseeds the PRNG). */
  set(config: FaultConfig): void {
    this.config = parseFaultConfig(config);
    this.random = seededRandom(this.config.seed ?? 1);
    this.updates = 0;
    for (const listener of this.listeners) listener(this.get());
  }

  /** Merges settings into the current configuration. */
  update(partial: FaultConfig): void {
    this.set({ ...this.config, ...parseFaultConfig(partial) });
  }

  reset(): void {
    this.set({});
  }

  get(): FaultConfig {
    return JSON.parse(JSON.stringify(this.config));
  }

  unreachable(): boolean {
    return this.config.unreachable === true;
  }

  latencyMs(): number {
    return this.config.latencyMs ?? 0;
  }

  /** Seconds for Retry-After when this request should be throttled. */
  throttle(): number | undefined {
    const throttleRate = this.config.throttleRate ?? 0;
    if (throttleRate > 0 && this.random() < throttleRate)
      return this.config.retryAfterSeconds ?? 1;
    return undefined;
  }

  shouldFail(verb: string): boolean {
    const rates = this.config.errorRate;
    const failureRate = rates?.[verb] ?? rates?.['*'] ?? 0;
    return failureRate > 0 && this.random() < failureRate;
  }

  /** Counts updates/patches; true for every Nth one when conflict injection is on. */
  shouldConflict(): boolean {
    const every = this.config.conflictEveryNthUpdate;
    if (!every) return false;
    this.updates++;
    return this.updates % every === 0;
  }
}

import { ApiError } from '../api/errors';
import type { Clock, TimerId } from '../clock/Clock';
import type { ResourceType } from '../schema/ResourceType';
import type { ObjectStore } from '../store/ObjectStore';
import type { KubeObject, StoreEvent } from '../store/types';
import { cloneJson, isPlainObject, type JsonObject } from '../util/json';
import { randomHex, randomLowerAlnum } from '../util/random';
import { formatTimestamp, parseTimestamp } from '../util/time';
import { ANNOTATIONS } from './annotations';
import { normalizeImage } from './imageRef';
import {
  imageProblems,
  parameterProblems,
  type CacheProblem,
  type ImageCacheSpec,
} from './imageCacheRules';
import type { SimulatedRegistry } from './SimulatedRegistry';
import { DAY_MS, pullMs, snapshotMs, TIMINGS } from './timings';

export const AUTO_CACHE_PREFIX = 'auto-create-for-';
const MAX_STATUS_EVENTS = 50;

export function newImageCacheId(): string {
  return `imc-${randomLowerAlnum(20)}`;
}

interface Run {
  uid: string;
  generation: number;
  mode: 'create' | 'update';
  imageCacheId: string;
  timer?: TimerId;
}

interface Milestone {
  at: number;
  /** Message of the image-pulled event recorded when this milestone is reached. */
  pulled?: string;
}

export interface ImageCacheControllerOptions {
  store: ObjectStore;
  clock: Clock;
  registry: SimulatedRegistry;
  region: string;
}

/**
 * What ECI does with ImageCache objects: Preparing → Creating (progress, one
 * event per pulled image) → Ready, or Failed for what the cloud rejects;
 * Updating/UpdateFailed after spec changes; deletion when expireDateTime passes.
 */
export class ImageCacheController {
  private readonly type: ResourceType;
  private readonly secrets: ResourceType;
  private readonly runs = new Map<string, Run>();
  private readonly expiryTimers = new Map<string, TimerId>();
  private readonly settledGeneration = new Map<string, number>();
  private readonly reservedIds = new Map<string, string>();
  private unsubscribe?: () => void;

  constructor(private readonly options: ImageCacheControllerOptions) {
    this.type = options.store.registry.byGroupResource(
      'eci.alibabacloud.com',
      'imagecaches',
    );
    this.secrets = options.store.registry.byGroupResource('', 'secrets');
  }

  start(): void {
    this.unsubscribe = this.options.store.subscribe(event => {
      if (event.typeKey === `${this.type.group}/${this.type.resource}`)
        this.onEvent(event);
    });
    for (const stored of this.options.store.list(this.type).items)
      this.observe(stored.object);
  }

  stop(): void {
    this.unsubscribe?.();
    for (const run of this.runs.values())
      if (run.timer !== undefined) this.options.clock.clearTimer(run.timer);
    for (const timer of this.expiryTimers.values())
      this.options.clock.clearTimer(timer);
    this.runs.clear();
    this.expiryTimers.clear();
  }

  /**
   * Creates an ECI-managed `auto-create-for-<instance>` cache from a pod's
   * storage (30 GiB plus its extra ephemeral storage) and returns its imageCacheId.
   */
  createAutoCache(
    eciInstanceId: string,
    images: string[],
    sizeGiB: number,
  ): { name: string; imageCacheId: string } {
    const name = `${AUTO_CACHE_PREFIX}${eciInstanceId}`;
    const imageCacheId = newImageCacheId();
    this.reservedIds.set(name, imageCacheId);
    this.options.store.create(this.type, {
      apiVersion: 'eci.alibabacloud.com/v1',
      kind: 'ImageCache',
      metadata: { name },
      spec: { images, imageCacheSize: sizeGiB },
    });
    return { name, imageCacheId };
  }

  /** A pod used this cache: auto caches then live until 30 days after their last use. */
  recordUse(name: string): void {
    if (!name.startsWith(AUTO_CACHE_PREFIX)) return;
    const stored = this.options.store.get(this.type, undefined, name);
    if (!stored) return;
    const status = cloneJson((stored.object.status ?? {}) as JsonObject);
    const extended = this.options.clock.now() + TIMINGS.autoUsedRetentionMs;
    if ((parseTimestamp(status.expireDateTime) ?? 0) >= extended) return;
    status.expireDateTime = formatTimestamp(extended);
    this.options.store.update(
      this.type,
      { ...stored.object, status },
      { subresource: 'status' },
    );
  }

  private onEvent(event: StoreEvent): void {
    const name = event.current.object.metadata.name!;
    if (event.type === 'DELETED') {
      this.cancel(name);
      this.clearExpiry(name);
      this.settledGeneration.delete(name);
      return;
    }
    this.observe(event.current.object);
  }

  private observe(cache: KubeObject): void {
    const name = cache.metadata.name!;
    const generation = cache.metadata.generation ?? 1;
    const phase = (cache.status as JsonObject | undefined)?.phase;
    const run = this.runs.get(name);
    if (run) {
      if (run.uid !== cache.metadata.uid || run.generation !== generation)
        this.begin(cache, run.mode);
      return;
    }
    if (!phase) this.begin(cache, 'create');
    else if (phase === 'Preparing' || phase === 'Creating') this.resume(cache);
    else if (phase === 'Updating') this.begin(cache, 'update');
    else if (
      (phase === 'Ready' || phase === 'UpdateFailed') &&
      (this.settledGeneration.get(name) ?? generation) !== generation
    ) {
      this.begin(cache, 'update');
    } else {
      this.settledGeneration.set(name, generation);
      this.scheduleExpiry(cache);
    }
  }

  private begin(cache: KubeObject, mode: 'create' | 'update'): void {
    const name = cache.metadata.name!;
    this.cancel(name);
    this.clearExpiry(name);
    const status = (cache.status ?? {}) as JsonObject;
    const imageCacheId =
      (status.imageCacheId as string) ||
      this.reservedIds.get(name) ||
      newImageCacheId();
    this.reservedIds.delete(name);
    const run: Run = {
      uid: cache.metadata.uid!,
      generation: cache.metadata.generation ?? 1,
      mode,
      imageCacheId,
    };
    this.runs.set(name, run);
    const now = this.options.clock.now();
    this.writeStatus(name, run, current => {
      const next: JsonObject = {
        phase: mode === 'create' ? 'Preparing' : 'Updating',
        progress: '0%',
        imageCacheId,
        startTime:
          mode === 'update' && current.startTime
            ? current.startTime
            : formatTimestamp(now),
        events:
          mode === 'update' && Array.isArray(current.events)
            ? current.events
            : [],
      };
      if (mode === 'update' && current.expireDateTime)
        next.expireDateTime = current.expireDateTime;
      return next;
    });
    const problems = parameterProblems((cache.spec ?? {}) as ImageCacheSpec);
    if (problems.length > 0) {
      this.schedule(name, run, TIMINGS.parameterRejectMs, () =>
        this.fail(name, run, problems),
      );
      return;
    }
    const auto = name.startsWith(AUTO_CACHE_PREFIX);
    this.schedule(
      name,
      run,
      auto ? TIMINGS.autoPrepareMs : TIMINGS.prepareMs,
      () => this.build(name, run),
    );
  }

  /**
   * Continues a creation found in progress (after a restart from a state file)
   * where its timeline says it should be, without rewinding status.
   */
  private resume(cache: KubeObject): void {
    const name = cache.metadata.name!;
    const status = cache.status as JsonObject;
    const run: Run = {
      uid: cache.metadata.uid!,
      generation: cache.metadata.generation ?? 1,
      mode: 'create',
      imageCacheId: String(status.imageCacheId),
    };
    this.runs.set(name, run);
    const prepare = name.startsWith(AUTO_CACHE_PREFIX)
      ? TIMINGS.autoPrepareMs
      : TIMINGS.prepareMs;
    const buildStart =
      (parseTimestamp(status.startTime) ?? this.options.clock.now()) + prepare;
    const elapsed = this.options.clock.now() - buildStart;
    if (status.phase === 'Preparing' || elapsed < 0) {
      this.schedule(name, run, Math.max(0, -elapsed), () =>
        this.build(name, run),
      );
    } else {
      this.build(name, run, elapsed);
    }
  }

  private build(name: string, run: Run, alreadyElapsed?: number): void {
    const stored = this.options.store.get(this.type, undefined, name);
    if (!stored) return;
    const cache = stored.object;
    const auto = name.startsWith(AUTO_CACHE_PREFIX);
    const check = imageProblems(
      cache,
      this.options.registry,
      this.options.region,
      (namespace, secretName) =>
        this.options.store.get(this.secrets, namespace, secretName)?.object,
      auto,
    );
    if (check.problems.length > 0) {
      this.fail(name, run, check.problems);
      return;
    }
    const reusable =
      cache.metadata.annotations?.[ANNOTATIONS.imcEnableReuse] === 'true' &&
      !auto
        ? this.imagesOfOtherReadyCaches(name)
        : new Map();
    const spec = cache.spec as ImageCacheSpec;
    const milestones: Milestone[] = [];
    let elapsed = 0;
    let snapshotBytes = 0;
    spec.images.forEach((reference, i) => {
      const image = check.images[i];
      const reusedFrom = reusable.get(normalizeImage(reference));
      let duration = reusedFrom
        ? Math.round(pullMs(image.sizeBytes) * TIMINGS.reusedPullFactor)
        : pullMs(image.sizeBytes);
      if (auto) duration = 0;
      if (!reusedFrom) snapshotBytes += image.sizeBytes;
      elapsed += duration;
      const suffix = reusedFrom ? ` (layers reused from ${reusedFrom})` : '';
      milestones.push({
        at: elapsed,
        pulled: `Success pull image ${reference}${suffix}`,
      });
    });
    const total = elapsed + snapshotMs(snapshotBytes);
    for (let tenth = 1; tenth < 10; tenth++)
      milestones.push({ at: Math.round((total * tenth) / 10) });
    milestones.sort((a, b) => a.at - b.at);

    if (alreadyElapsed !== undefined) {
      const done = Math.min(alreadyElapsed, total);
      this.runMilestones(
        name,
        run,
        milestones.filter(m => m.at > done),
        done,
        total,
      );
      return;
    }
    this.writeStatus(name, run, status => ({
      ...status,
      phase: run.mode === 'create' ? 'Creating' : 'Updating',
      progress: '0%',
    }));
    this.runMilestones(name, run, milestones, 0, total);
  }

  private runMilestones(
    name: string,
    run: Run,
    milestones: Milestone[],
    done: number,
    total: number,
  ): void {
    const index = milestones.findIndex(
      m => m.at > done || m.pulled !== undefined,
    );
    const next = index >= 0 ? milestones[index] : undefined;
    if (!next) {
      this.schedule(name, run, total - done, () => this.succeed(name, run));
      return;
    }
    this.schedule(name, run, next.at - done, () => {
      // Milestones due at the same instant are applied in one status write.
      const due = milestones.slice(index).filter(m => m.at === next.at);
      const rest = milestones.slice(index + due.length);
      const progress = Math.min(
        99,
        Math.floor((100 * next.at) / Math.max(1, total)),
      );
      this.writeStatus(name, run, status => ({
        ...status,
        progress: `${progress}%`,
        events: appendEvents(
          status.events,
          due.flatMap(m =>
            m.pulled
              ? [this.statusEvent(name, 'Pulled', m.pulled, 'Normal')]
              : [],
          ),
        ),
      }));
      this.runMilestones(name, run, rest, next.at, total);
    });
  }

  private succeed(name: string, run: Run): void {
    const now = this.options.clock.now();
    const stored = this.writeStatus(name, run, status => {
      const next: JsonObject = { ...status, phase: 'Ready', progress: '100%' };
      const cache = this.options.store.get(this.type, undefined, name)!.object;
      const retentionDays = (cache.spec as ImageCacheSpec).retentionDays;
      const start = parseTimestamp(status.startTime) ?? now;
      if (retentionDays !== undefined)
        next.expireDateTime = formatTimestamp(start + retentionDays * DAY_MS);
      else if (name.startsWith(AUTO_CACHE_PREFIX))
        next.expireDateTime = formatTimestamp(
          now + TIMINGS.autoUnusedRetentionMs,
        );
      else delete next.expireDateTime;
      return next;
    });
    this.finish(name, run, stored);
  }

  private fail(name: string, run: Run, problems: CacheProblem[]): void {
    const now = this.options.clock.now();
    const stored = this.writeStatus(name, run, status => {
      const events = problems.map(p =>
        this.statusEvent(name, p.reason, p.message, 'Warning'),
      );
      const next: JsonObject = {
        ...status,
        phase: run.mode === 'create' ? 'Failed' : 'UpdateFailed',
        events: appendEvents(status.events, events),
      };
      if (run.mode === 'create')
        next.expireDateTime = formatTimestamp(now + TIMINGS.failedRetentionMs);
      return next;
    });
    this.finish(name, run, stored);
  }

  private finish(name: string, run: Run, cache: KubeObject | undefined): void {
    this.runs.delete(name);
    if (!cache) return;
    this.settledGeneration.set(name, run.generation);
    this.scheduleExpiry(cache);
  }

  private scheduleExpiry(cache: KubeObject): void {
    const name = cache.metadata.name!;
    this.clearExpiry(name);
    const expireAt = parseTimestamp(
      (cache.status as JsonObject | undefined)?.expireDateTime,
    );
    if (expireAt === undefined) return;
    const uid = cache.metadata.uid;
    const timer = this.options.clock.setTimerAt(expireAt, () => {
      this.expiryTimers.delete(name);
      const current = this.options.store.get(this.type, undefined, name);
      if (!current || current.object.metadata.uid !== uid) return;
      try {
        this.options.store.delete(this.type, undefined, name, {
          preconditions: { uid },
        });
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
      }
    });
    this.expiryTimers.set(name, timer);
  }

  private clearExpiry(name: string): void {
    const timer = this.expiryTimers.get(name);
    if (timer !== undefined) this.options.clock.clearTimer(timer);
    this.expiryTimers.delete(name);
  }

  private cancel(name: string): void {
    const run = this.runs.get(name);
    if (run?.timer !== undefined) this.options.clock.clearTimer(run.timer);
    this.runs.delete(name);
  }

  private schedule(
    name: string,
    run: Run,
    delayMs: number,
    step: () => void,
  ): void {
    run.timer = this.options.clock.setTimer(delayMs, () => {
      run.timer = undefined;
      if (this.runs.get(name) === run) step();
    });
  }

  /** Writes status through the status subresource; returns the stored object, or undefined if it is gone. */
  private writeStatus(
    name: string,
    run: Run,
    change: (status: JsonObject) => JsonObject,
  ): KubeObject | undefined {
    const cache = this.options.store.get(this.type, undefined, name)?.object;
    if (!cache || cache.metadata.uid !== run.uid) {
      this.cancel(name);
      return undefined;
    }
    const current = isPlainObject(cache.status) ? cloneJson(cache.status) : {};
    const status = change(current);
    status.lastUpdatedTime = formatTimestamp(this.options.clock.now());
    return this.options.store.update(
      this.type,
      { ...cache, status },
      { subresource: 'status' },
    ).stored.object;
  }

  private imagesOfOtherReadyCaches(self: string): Map<string, string> {
    const images = new Map<string, string>();
    for (const { object } of this.options.store.list(this.type).items) {
      const status = (object.status ?? {}) as JsonObject;
      if (object.metadata.name === self || status.phase !== 'Ready') continue;
      for (const image of (object.spec as ImageCacheSpec | undefined)?.images ??
        []) {
        images.set(normalizeImage(image), String(status.imageCacheId));
      }
    }
    return images;
  }

  /** A core/v1 Event as ECI embeds them in status.events. */
  private statusEvent(
    cacheName: string,
    reason: string,
    message: string,
    type: 'Normal' | 'Warning',
  ): JsonObject {
    const at = formatTimestamp(this.options.clock.now());
    return {
      metadata: {
        name: `${cacheName}.${randomHex(16)}`,
        namespace: 'default',
        creationTimestamp: at,
      },
      involvedObject: {
        kind: 'ImageCache',
        name: cacheName,
        apiVersion: 'eci.alibabacloud.com/v1',
      },
      reason,
      message,
      source: { component: 'kubelet', host: 'eci' },
      firstTimestamp: at,
      lastTimestamp: at,
      count: 1,
      type,
    };
  }
}

function appendEvents(existing: unknown, added: JsonObject[]): JsonObject[] {
  const events = [
    ...(Array.isArray(existing) ? (existing as JsonObject[]) : []),
    ...added,
  ];
  return events.slice(Math.max(0, events.length - MAX_STATUS_EVENTS));
}

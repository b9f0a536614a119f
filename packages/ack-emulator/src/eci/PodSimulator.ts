import type { Clock, TimerId } from '../clock/Clock';
import type { ResourceType } from '../schema/ResourceType';
import type { ObjectStore } from '../store/ObjectStore';
import type { KubeObject, StoreEvent } from '../store/types';
import { goDuration } from '../util/goDuration';
import { cloneJson, isPlainObject, type JsonObject } from '../util/json';
import { randomLowerAlnum } from '../util/random';
import { formatTimestamp } from '../util/time';
import { acrInstanceAnnotation, ANNOTATIONS } from './annotations';
import {
  podStorageGiB,
  selectImageCache,
  type CacheSelection,
} from './imageCacheMatcher';
import type { ImageCacheController } from './ImageCacheController';
import { normalizeImage } from './imageRef';
import { recordPodEvent, type PodEvent } from './podEvents';
import { decidePull } from './pullAccess';
import type { SimulatedRegistry } from './SimulatedRegistry';
import { backOffMs, cachedPullMs, pullMs, TIMINGS } from './timings';

export interface PodSimulatorOptions {
  store: ObjectStore;
  clock: Clock;
  registry: SimulatedRegistry;
  region: string;
  /** Absent when the ImageCache CRD is not served. */
  imageCaches?: ImageCacheController;
}

interface Run {
  uid: string;
  namespace: string;
  name: string;
  timer?: TimerId;
  eciInstanceId: string;
  selection: CacheSelection;
}

interface Container {
  name: string;
  image: string;
  imagePullPolicy: string;
}

function containerStatusList(status: JsonObject): JsonObject[] {
  return (
    Array.isArray(status.containerStatuses) ? status.containerStatuses : []
  ).filter(isPlainObject);
}

/** The containers' statuses once they exited 0 at `finishedAt` (containers here always succeed). */
function exitedContainers(
  status: JsonObject,
  finishedAt: string,
): { container: JsonObject; terminated: JsonObject }[] {
  return containerStatusList(status).map(c => ({
    container: { ...c, ready: false, started: false },
    terminated: {
      exitCode: 0,
      reason: 'Completed',
      startedAt:
        ((c.state as JsonObject | undefined)?.running as JsonObject | undefined)
          ?.startedAt ?? finishedAt,
      finishedAt,
    },
  }));
}

export function virtualNodeName(region: string): string {
  return `virtual-kubelet-${region}-k`;
}

/**
 * What happens to a pod on an ECI virtual node: scheduling, image cache
 * selection and its events, image pulls (fast on a cache hit, proportional to
 * size otherwise, refused without access), running, and completion.
 */
export class PodSimulator {
  private readonly pods: ResourceType;
  private readonly events: ResourceType;
  private readonly secrets: ResourceType;
  private readonly imageCacheType?: ResourceType;
  private readonly runs = new Map<string, Run>();
  private readonly nodeName: string;
  private unsubscribe?: () => void;

  constructor(private readonly options: PodSimulatorOptions) {
    const registry = options.store.registry;
    this.pods = registry.byGroupResource('', 'pods');
    this.events = registry.byGroupResource('', 'events');
    this.secrets = registry.byGroupResource('', 'secrets');
    this.imageCacheType = registry.lookup(
      'eci.alibabacloud.com',
      'v1',
      'imagecaches',
    );
    this.nodeName = virtualNodeName(options.region);
  }

  start(): void {
    this.unsubscribe = this.options.store.subscribe(event => {
      if (event.typeKey === '/pods') this.onEvent(event);
    });
    for (const stored of this.options.store.list(this.pods).items)
      this.observe(stored.object);
  }

  stop(): void {
    this.unsubscribe?.();
    for (const run of this.runs.values())
      if (run.timer !== undefined) this.options.clock.clearTimer(run.timer);
    this.runs.clear();
  }

  private onEvent(event: StoreEvent): void {
    const pod = event.current.object;
    if (event.type === 'DELETED') {
      const run = this.runs.get(pod.metadata.uid!);
      if (run?.timer !== undefined) this.options.clock.clearTimer(run.timer);
      this.runs.delete(pod.metadata.uid!);
      return;
    }
    this.observe(pod);
  }

  private observe(pod: KubeObject): void {
    const phase = (pod.status as JsonObject | undefined)?.phase;
    if (
      this.runs.has(pod.metadata.uid!) ||
      (phase !== undefined && phase !== 'Pending') ||
      pod.metadata.deletionTimestamp
    )
      return;
    const run: Run = {
      uid: pod.metadata.uid!,
      namespace: pod.metadata.namespace!,
      name: pod.metadata.name!,
      eciInstanceId: `eci-${randomLowerAlnum(20)}`,
      selection: { kind: 'none' },
    };
    this.runs.set(run.uid, run);
    this.after(run, TIMINGS.podScheduleMs, () => this.schedule(run));
  }

  private current(run: Run): KubeObject | undefined {
    const pod = this.options.store.get(
      this.pods,
      run.namespace,
      run.name,
    )?.object;
    if (!pod || pod.metadata.uid !== run.uid) {
      this.runs.delete(run.uid);
      return undefined;
    }
    return pod;
  }

  private after(run: Run, ms: number, step: () => void): void {
    run.timer = this.options.clock.setTimer(ms, () => {
      run.timer = undefined;
      if (this.runs.get(run.uid) === run) step();
    });
  }

  private event(run: Run, event: PodEvent): void {
    const pod = this.current(run);
    if (pod)
      recordPodEvent(
        this.options.store,
        this.events,
        pod,
        this.nodeName,
        this.options.clock.now(),
        event,
      );
  }

  /** Image cache decisions: ECI reports them from source `EciService`. */
  private eciEvent(
    run: Run,
    reason: string,
    message: string,
    type: 'Normal' | 'Warning',
  ): void {
    this.event(run, { reason, message, type, component: 'EciService' });
  }

  private kubeletEvent(
    run: Run,
    fieldPath: string,
    reason: string,
    message: string,
    type: 'Normal' | 'Warning' = 'Normal',
  ): void {
    this.event(run, { reason, message, type, component: 'kubelet', fieldPath });
  }

  private containers(pod: KubeObject): Container[] {
    const spec = (pod.spec ?? {}) as JsonObject;
    return (Array.isArray(spec.containers) ? spec.containers : [])
      .filter(isPlainObject)
      .map(c => ({
        name: String(c.name ?? 'main'),
        image: String(c.image ?? ''),
        imagePullPolicy: String(c.imagePullPolicy ?? 'IfNotPresent'),
      }));
  }

  private schedule(run: Run): void {
    let pod = this.current(run);
    if (!pod) return;
    const bound = cloneJson(pod);
    const spec: JsonObject = { ...((bound.spec ?? {}) as JsonObject) };
    if (!spec.nodeName) spec.nodeName = this.nodeName;
    bound.spec = spec;
    bound.metadata.annotations = {
      ...(bound.metadata.annotations ?? {}),
      [ANNOTATIONS.eciInstanceId]: run.eciInstanceId,
    };
    pod = this.options.store.update(this.pods, bound).stored.object;
    this.writeStatus(run, status => ({
      ...status,
      conditions: [
        {
          type: 'PodScheduled',
          status: 'True',
          lastTransitionTime: formatTimestamp(this.options.clock.now()),
        },
      ],
    }));
    this.event(run, {
      reason: 'Scheduled',
      message: `Successfully assigned ${run.namespace}/${run.name} to ${this.nodeName}`,
      type: 'Normal',
      component: 'default-scheduler',
    });

    const caches = this.imageCacheType
      ? this.options.store.list(this.imageCacheType).items.map(s => s.object)
      : [];
    const selection = selectImageCache(
      pod,
      this.containers(pod).map(c => c.image),
      caches,
    );
    run.selection = selection;
    switch (selection.kind) {
      case 'hit': {
        const id = String((selection.cache.status as JsonObject).imageCacheId);
        this.eciEvent(
          run,
          'SuccessfulHitImageCache',
          `[eci.imagecache]Successfully hit image cache ${id}, eci will be scheduled with this image cache.`,
          'Normal',
        );
        this.options.imageCaches?.recordUse(selection.cache.metadata.name!);
        break;
      }
      case 'pinnedNotFound': {
        const message = `The specified image cache ${selection.imageCacheId} does not exist.`;
        this.eciEvent(run, 'ImageCacheNotFound', message, 'Warning');
        this.failPod(run, 'ProviderFailed', message);
        return;
      }
      case 'pinnedNotReady': {
        const message = `The production for specified image cache ${selection.imageCacheId} is not yet complete.`;
        this.eciEvent(run, 'ImageCacheNotComplete', message, 'Normal');
        this.failPod(run, 'ProviderFailed', message);
        return;
      }
      case 'miss':
        this.eciEvent(
          run,
          'ImageCacheMissed',
          '[eci.imagecache]Missed image cache.',
          'Warning',
        );
        break;
      default:
        break;
    }
    this.pull(run, 0);
  }

  private pull(run: Run, index: number, attempt = 0): void {
    const pod = this.current(run);
    if (!pod) return;
    const containers = this.containers(pod);
    if (index >= containers.length) {
      this.startContainers(run);
      return;
    }
    const { name, image, imagePullPolicy } = containers[index];
    const fieldPath = `spec.containers{${name}}`;
    const spec = (pod.spec ?? {}) as JsonObject;
    const secretNames = (
      Array.isArray(spec.imagePullSecrets) ? spec.imagePullSecrets : []
    )
      .filter(isPlainObject)
      .map(s => String(s.name));
    const secrets = secretNames
      .map(
        secretName =>
          this.options.store.get(this.secrets, run.namespace, secretName)
            ?.object,
      )
      .filter((s): s is KubeObject => s !== undefined);
    const decision = decidePull(
      this.options.registry,
      this.options.region,
      image,
      {
        acrInstances: acrInstanceAnnotation(pod.metadata.annotations),
        secrets,
      },
    );
    const cached =
      run.selection.kind === 'hit' &&
      run.selection.cachedImages.has(normalizeImage(image));
    if (cached && imagePullPolicy !== 'Always') {
      // The cache's snapshot already holds the image: the kubelet does not pull.
      this.kubeletEvent(
        run,
        fieldPath,
        'Pulled',
        `Container image "${image}" already present on machine`,
      );
      this.pull(run, index + 1);
      return;
    }
    this.kubeletEvent(run, fieldPath, 'Pulling', `Pulling image "${image}"`);
    if (!decision.ok) {
      this.after(run, TIMINGS.podScheduleMs, () =>
        this.pullFailed(run, index, attempt, decision.message),
      );
      return;
    }
    const duration = cached
      ? cachedPullMs(decision.image.sizeBytes)
      : pullMs(decision.image.sizeBytes);
    this.after(run, duration, () => {
      const took = goDuration(duration);
      this.kubeletEvent(
        run,
        fieldPath,
        'Pulled',
        `Successfully pulled image "${image}" in ${took} (${took} including waiting). Image size: ${decision.image.sizeBytes} bytes.`,
      );
      this.pull(run, index + 1);
    });
  }

  /** The kubelet keeps the pod Pending: ErrImagePull, then ImagePullBackOff, then a retry after the back-off. */
  private pullFailed(
    run: Run,
    index: number,
    attempt: number,
    reason: string,
  ): void {
    const pod = this.current(run);
    if (!pod) return;
    const { name, image } = this.containers(pod)[index];
    const fieldPath = `spec.containers{${name}}`;
    const message = `Failed to pull image "${image}": ${reason}`;
    this.kubeletEvent(run, fieldPath, 'Failed', message, 'Warning');
    this.kubeletEvent(
      run,
      fieldPath,
      'Failed',
      'Error: ErrImagePull',
      'Warning',
    );
    this.setWaiting(run, name, 'ErrImagePull', message);
    this.after(run, TIMINGS.podScheduleMs, () => {
      this.kubeletEvent(
        run,
        fieldPath,
        'BackOff',
        `Back-off pulling image "${image}"`,
      );
      this.kubeletEvent(
        run,
        fieldPath,
        'Failed',
        'Error: ImagePullBackOff',
        'Warning',
      );
      this.setWaiting(
        run,
        name,
        'ImagePullBackOff',
        `Back-off pulling image "${image}": ErrImagePull: ${reason}`,
      );
      this.after(run, backOffMs(attempt + 1), () =>
        this.pull(run, index, attempt + 1),
      );
    });
  }

  private setWaiting(
    run: Run,
    containerName: string,
    reason: string,
    message: string,
  ): void {
    const pod = this.current(run);
    if (!pod) return;
    this.writeStatus(run, status => ({
      ...status,
      containerStatuses: this.containers(pod).map(c => ({
        name: c.name,
        image: c.image,
        imageID: '',
        ready: false,
        started: false,
        restartCount: 0,
        state: {
          waiting:
            c.name === containerName
              ? { reason, message }
              : { reason: 'ContainerCreating' },
        },
      })),
    }));
  }

  private startContainers(run: Run): void {
    const pod = this.current(run);
    if (!pod) return;
    const containers = this.containers(pod);
    if (run.selection.kind === 'miss' && this.options.imageCaches) {
      const images = [...new Set(containers.map(c => c.image))];
      const { imageCacheId } = this.options.imageCaches.createAutoCache(
        run.eciInstanceId,
        images,
        podStorageGiB(pod.metadata.annotations ?? {}),
      );
      this.eciEvent(
        run,
        'ImageCacheAutoCreated',
        `[eci.imagecache]Image cache ${imageCacheId} is auto created`,
        'Normal',
      );
    }
    for (const { name } of containers) {
      const fieldPath = `spec.containers{${name}}`;
      this.kubeletEvent(run, fieldPath, 'Created', `Created container ${name}`);
      this.kubeletEvent(run, fieldPath, 'Started', `Started container ${name}`);
    }
    const startedAt = formatTimestamp(this.options.clock.now());
    const octet = (n: number) =>
      (parseInt(run.eciInstanceId.slice(-4), 36) >> n) % 250;
    this.writeStatus(run, status => ({
      ...status,
      phase: 'Running',
      startTime: startedAt,
      hostIP: `192.168.${octet(0)}.${octet(8) + 1}`,
      podIP: `192.168.${octet(0)}.${octet(8) + 1}`,
      conditions: [
        'PodScheduled',
        'Initialized',
        'ContainersReady',
        'Ready',
      ].map(type => ({ type, status: 'True', lastTransitionTime: startedAt })),
      containerStatuses: containers.map(c => ({
        name: c.name,
        image: c.image,
        imageID: `${normalizeImage(c.image)}@sha256:${'0'.repeat(64)}`,
        ready: true,
        started: true,
        restartCount: 0,
        state: { running: { startedAt } },
      })),
    }));
    this.after(run, TIMINGS.containerRunMs, () => this.complete(run));
  }

  private complete(run: Run, restarts = 0): void {
    const pod = this.current(run);
    if (!pod) return;
    if ((pod.spec as JsonObject | undefined)?.restartPolicy === 'Always') {
      this.restart(run, restarts + 1);
      return;
    }
    const finishedAt = formatTimestamp(this.options.clock.now());
    this.writeStatus(run, status => ({
      ...status,
      phase: 'Succeeded',
      conditions: [
        'PodScheduled',
        'Initialized',
        'ContainersReady',
        'Ready',
      ].map(type => ({
        type,
        status:
          type === 'PodScheduled' || type === 'Initialized' ? 'True' : 'False',
        lastTransitionTime: finishedAt,
        ...(type === 'Ready' || type === 'ContainersReady'
          ? { reason: 'PodCompleted' }
          : {}),
      })),
      containerStatuses: exitedContainers(status, finishedAt).map(
        ({ container, terminated }) => ({
          ...container,
          state: { terminated },
        }),
      ),
    }));
    this.runs.delete(run.uid);
  }

  /**
   * restartPolicy Always: a container that exits is started again after the
   * crash-loop back-off (containers here always exit 0), and the pod stays Running.
   */
  private restart(run: Run, restarts: number): void {
    const finishedAt = formatTimestamp(this.options.clock.now());
    this.writeStatus(run, status => ({
      ...status,
      containerStatuses: exitedContainers(status, finishedAt).map(
        ({ container, terminated }) => ({
          ...container,
          restartCount: restarts,
          lastState: { terminated },
          state: {
            waiting: {
              reason: 'CrashLoopBackOff',
              message: `back-off ${goDuration(
                backOffMs(restarts),
              )} restarting failed container=${container.name} pod=${
                run.name
              }_${run.namespace}(${run.uid})`,
            },
          },
        }),
      ),
    }));
    const pod = this.current(run);
    if (!pod) return;
    for (const { name } of this.containers(pod)) {
      this.kubeletEvent(
        run,
        `spec.containers{${name}}`,
        'BackOff',
        `Back-off restarting failed container ${name} in pod ${run.name}_${run.namespace}(${run.uid})`,
        'Warning',
      );
    }
    this.after(run, backOffMs(restarts), () => {
      const startedAt = formatTimestamp(this.options.clock.now());
      for (const { name, image } of this.containers(pod)) {
        const fieldPath = `spec.containers{${name}}`;
        this.kubeletEvent(
          run,
          fieldPath,
          'Pulled',
          `Container image "${image}" already present on machine`,
        );
        this.kubeletEvent(
          run,
          fieldPath,
          'Started',
          `Started container ${name}`,
        );
      }
      this.writeStatus(run, status => ({
        ...status,
        containerStatuses: containerStatusList(status).map(c => ({
          ...c,
          ready: true,
          started: true,
          state: { running: { startedAt } },
        })),
      }));
      this.after(run, TIMINGS.containerRunMs, () =>
        this.complete(run, restarts),
      );
    });
  }

  private failPod(
    run: Run,
    reason: string | undefined,
    message: string,
    waiting?: { name: string; image: string; reason: string },
  ): void {
    const pod = this.current(run);
    if (!pod) return;
    this.writeStatus(run, status => {
      const next: JsonObject = { ...status, phase: 'Failed', message };
      if (reason) next.reason = reason;
      next.containerStatuses = this.containers(pod).map(c => ({
        name: c.name,
        image: c.image,
        imageID: '',
        ready: false,
        started: false,
        restartCount: 0,
        state:
          waiting && waiting.name === c.name
            ? { waiting: { reason: waiting.reason, message } }
            : { waiting: { reason: reason ?? 'PodInitializing' } },
      }));
      return next;
    });
    this.runs.delete(run.uid);
  }

  private writeStatus(
    run: Run,
    change: (status: JsonObject) => JsonObject,
  ): void {
    const pod = this.current(run);
    if (!pod) return;
    const status = change(
      isPlainObject(pod.status) ? cloneJson(pod.status) : {},
    );
    this.options.store.update(
      this.pods,
      { ...pod, status },
      { subresource: 'status' },
    );
  }
}

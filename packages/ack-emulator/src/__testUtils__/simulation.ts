import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { ManualClock } from '../clock/ManualClock';
import type { RegistryFile } from '../eci/SimulatedRegistry';
import type { RunningEmulator } from '../emulator/options';
import { DEFAULT_REGISTRY_FILE } from '../emulator/packagePaths';
import type { ResourceType } from '../schema/ResourceType';
import type { KubeObject } from '../store/types';
import type { JsonObject } from '../util/json';
import { imageCacheBody } from './emulatorClients';

export const ACR_HANGZHOU =
  'acr-en-hangzhou-registry.cn-hangzhou.cr.aliyuncs.com';
export const ACR_SHANGHAI =
  'acr-en-shanghai-registry.cn-shanghai.cr.aliyuncs.com';

/** The default registry plus a 25 GiB image for capacity tests. */
export function registryWithHugeImage(): RegistryFile {
  const file = parse(
    readFileSync(DEFAULT_REGISTRY_FILE, 'utf8'),
  ) as RegistryFile;
  return {
    ...file,
    images: [
      ...file.images,
      { ref: 'docker.io/example/huge:1.0', size: '25Gi' },
    ],
  };
}

/** Direct, synchronous access to the emulator's objects for simulation tests. */
export class Sim {
  constructor(readonly emulator: RunningEmulator) {}

  get clock(): ManualClock {
    return this.emulator.clock as ManualClock;
  }

  type(group: string, resource: string): ResourceType {
    return this.emulator.store.registry.byGroupResource(group, resource);
  }

  get imageCaches(): ResourceType {
    return this.type('eci.alibabacloud.com', 'imagecaches');
  }

  createCache(
    name: string,
    spec: JsonObject,
    annotations?: Record<string, string>,
  ): KubeObject {
    return this.emulator.store.create(
      this.imageCaches,
      imageCacheBody(
        name,
        spec,
        annotations ? { annotations } : {},
      ) as KubeObject,
    ).stored.object;
  }

  cache(name: string): KubeObject | undefined {
    return this.emulator.store.get(this.imageCaches, undefined, name)?.object;
  }

  status(name: string): JsonObject {
    return (this.cache(name)?.status ?? {}) as JsonObject;
  }

  /** Fires timers one at a time until `done()` or the time budget is used up; returns elapsed ms. */
  runUntil(done: () => boolean, maxMs = 30 * 24 * 60 * 60 * 1000): number {
    const start = this.clock.now();
    while (!done()) {
      if (this.clock.now() - start > maxMs || !this.clock.step())
        throw new Error('simulation did not reach the expected state');
    }
    return this.clock.now() - start;
  }

  runUntilPhase(name: string, phase: string): number {
    return this.runUntil(() => this.status(name).phase === phase);
  }

  /** Records every status the named cache goes through. */
  recordStatuses(name: string): JsonObject[] {
    const seen: JsonObject[] = [];
    this.emulator.store.subscribe(event => {
      if (
        event.typeKey === 'eci.alibabacloud.com/imagecaches' &&
        event.current.object.metadata.name === name &&
        event.type !== 'DELETED'
      ) {
        seen.push((event.current.object.status ?? {}) as JsonObject);
      }
    });
    return seen;
  }

  events(namespace: string, podName?: string): JsonObject[] {
    return this.emulator.store
      .list(this.type('', 'events'), { namespace })
      .items.map(s => s.object as JsonObject)
      .filter(
        e => !podName || (e.involvedObject as JsonObject).name === podName,
      )
      .sort(
        (a, b) =>
          Number((a.metadata as JsonObject).resourceVersion) -
          Number((b.metadata as JsonObject).resourceVersion),
      );
  }
}

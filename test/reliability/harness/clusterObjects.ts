import type { KubeObject, RunningEmulator } from '@eci-portal/ack-emulator';
import {
  ANNOTATION_ENTITY_REF,
  LABEL_MANAGED_BY,
  MANAGED_BY_VALUE,
} from '@eci-portal/plugin-eci-image-cache-common';

/** An ImageCache as stored by the emulator; only the fields the suite reads are typed. */
export interface StoredImageCache {
  metadata: {
    name: string;
    uid: string;
    resourceVersion: string;
    generation?: number;
    creationTimestamp?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec: {
    images: string[];
    imageCacheSize?: number;
    retentionDays?: number;
    imagePullSecrets?: string[];
  };
  status?: { phase?: string; imageCacheId?: string };
}

function imageCacheType(emulator: RunningEmulator) {
  return emulator.store.registry.byGroupResource(
    'eci.alibabacloud.com',
    'imagecaches',
  );
}

/** Every ImageCache of a cluster, read from the emulator's store (no HTTP, no fault). */
export function imageCaches(emulator: RunningEmulator): StoredImageCache[] {
  return emulator.store
    .list(imageCacheType(emulator))
    .items.map(stored => stored.object as unknown as StoredImageCache);
}

export function isManaged(cache: StoredImageCache): boolean {
  return cache.metadata.labels?.[LABEL_MANAGED_BY] === MANAGED_BY_VALUE;
}

/** The entity a managed cache names (not verified: forged caches name one too). */
export function ownerOf(cache: StoredImageCache): string | undefined {
  return cache.metadata.annotations?.[ANNOTATION_ENTITY_REF];
}

/** Creates an ImageCache directly in the store, as another tool (or ECI) would. */
export function putImageCache(
  emulator: RunningEmulator,
  object: Record<string, unknown>,
  status?: Record<string, unknown>,
): StoredImageCache {
  const type = imageCacheType(emulator);
  const { stored } = emulator.store.create(type, {
    apiVersion: 'eci.alibabacloud.com/v1',
    kind: 'ImageCache',
    ...object,
  } as KubeObject);
  if (!status) return stored.object as unknown as StoredImageCache;
  // The ECI controller may have written its status already: update the latest version.
  const latest = emulator.store.get(
    type,
    undefined,
    stored.object.metadata.name!,
  )!;
  const { stored: updated } = emulator.store.update(
    type,
    { ...latest.object, status } as KubeObject,
    { subresource: 'status' },
  );
  return updated.object as unknown as StoredImageCache;
}

/** Creates a namespace and a docker-config Secret in it (the content is what must never leak). */
export function putSecret(
  emulator: RunningEmulator,
  namespace: string,
  name: string,
  data: Record<string, string>,
): void {
  const registry = emulator.store.registry;
  const namespaces = registry.lookup('', 'v1', 'namespaces');
  const secrets = registry.lookup('', 'v1', 'secrets');
  if (!namespaces || !secrets) throw new Error('core resources are missing');
  if (!emulator.store.get(namespaces, undefined, namespace)) {
    emulator.store.create(namespaces, {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: namespace },
    } as KubeObject);
  }
  emulator.store.create(secrets, {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, namespace },
    type: 'kubernetes.io/dockerconfigjson',
    data: Object.fromEntries(
      Object.entries(data).map(([key, value]) => [
        key,
        Buffer.from(value).toString('base64'),
      ]),
    ),
  } as KubeObject);
}

/** Writes (create, update, patch, delete) the clusters answered, from the emulator's counters. */
export function writeRequests(emulator: RunningEmulator): number {
  const { byVerb } = emulator.stats.snapshot();
  return ['create', 'update', 'patch', 'delete', 'deletecollection'].reduce(
    (sum, verb) => sum + (byVerb[verb] ?? 0),
    0,
  );
}

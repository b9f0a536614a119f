import type { JsonObject } from '../util/json';

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  finalizers?: string[];
  ownerReferences?: OwnerReference[];
  managedFields?: JsonObject[];
  [key: string]: unknown;
}

/** Any Kubernetes object as stored by the emulator. */
export interface KubeObject extends JsonObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
}

/**
 * An immutable stored version of an object. The JSON is the stored form, so
 * lists and watch fan-out serialize each version once; the parsed object is
 * kept only until the write that produced it has been dispatched, and is
 * re-parsed on demand afterwards, which keeps 10,000s of objects cheap.
 */
export class StoredObject {
  private parsed: KubeObject | undefined;
  /** Labels stay parsed: label selectors run on every list and watch event. */
  readonly labels: Readonly<Record<string, string>> | undefined;

  constructor(
    readonly json: string,
    readonly key: string,
    readonly rv: number,
    object: KubeObject,
  ) {
    this.parsed = object;
    this.labels = object.metadata.labels;
  }

  get namespace(): string | undefined {
    const slash = this.key.indexOf('/');
    return slash >= 0 ? this.key.slice(0, slash) : undefined;
  }

  get name(): string {
    return this.key.slice(this.key.indexOf('/') + 1);
  }

  /** A parsed copy; treat it as read-only. */
  get object(): KubeObject {
    return this.parsed ?? (JSON.parse(this.json) as KubeObject);
  }

  /** Drops the parsed form (called once the write has been dispatched). */
  release(): void {
    this.parsed = undefined;
  }
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoreEvent {
  readonly type: WatchEventType;
  readonly rv: number;
  /** `group/resource` of the object's type. */
  readonly typeKey: string;
  readonly current: StoredObject;
  readonly previous?: StoredObject;
  /** True for deletes with propagationPolicy=Orphan. */
  readonly orphanDependents?: boolean;
}

export function storageKey(
  namespace: string | undefined,
  name: string,
): string {
  return namespace ? `${namespace}/${name}` : name;
}

export function makeStored(object: KubeObject): StoredObject {
  return new StoredObject(
    JSON.stringify(object),
    storageKey(object.metadata.namespace, object.metadata.name!),
    Number(object.metadata.resourceVersion),
    object,
  );
}

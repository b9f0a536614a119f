import {
  alreadyExists,
  ApiError,
  badRequest,
  conflict,
  expired,
  invalid,
  MODIFIED_CONFLICT,
  notFound,
  type StatusCause,
} from '../api/errors';
import type { Clock } from '../clock/Clock';
import {
  validateLabelsAndAnnotations,
  validateObjectName,
} from '../schema/metadataValidation';
import { pruneUnknownFields } from '../schema/pruneUnknownFields';
import type { ResourceRegistry } from '../schema/ResourceRegistry';
import {
  apiVersionOf,
  resourceKey,
  type ResourceType,
} from '../schema/ResourceType';
import { validateAgainstSchema } from '../schema/structuralValidation';
import { cloneJson, deepEqual } from '../util/json';
import { newUid, randomNameSuffix } from '../util/random';
import { formatTimestamp } from '../util/time';
import { decodeContinue, encodeContinue } from './continueToken';
import { applyCreateDefaults } from './createDefaults';
import { EventLog } from './EventLog';
import type { FieldSelector } from './fieldSelector';
import type { LabelSelector } from './labelSelector';
import {
  makeStored,
  storageKey,
  type KubeObject,
  type StoredObject,
  type StoreEvent,
} from './types';

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

export interface WriteOptions {
  dryRun?: boolean;
  fieldValidation?: FieldValidation;
  /** Adjusts the final object before validation and commit (managedFields bookkeeping). */
  mutate?: (candidate: KubeObject, previous: KubeObject | undefined) => void;
}

export interface UpdateOptions extends WriteOptions {
  subresource?: 'status';
}

export interface DeleteOptions {
  dryRun?: boolean;
  preconditions?: { uid?: string; resourceVersion?: string };
  propagationPolicy?: 'Orphan' | 'Background' | 'Foreground';
}

export interface WriteResult {
  stored: StoredObject;
  warnings: string[];
}

export interface DeleteResult {
  stored: StoredObject;
  /** False when finalizers keep the object around with a deletionTimestamp. */
  deleted: boolean;
}

export interface ListQuery {
  namespace?: string;
  labelSelector?: LabelSelector;
  fieldSelector?: FieldSelector;
  limit?: number;
  continueToken?: string;
  resourceVersion?: string;
  resourceVersionMatch?: string;
}

export interface ListResult {
  items: StoredObject[];
  resourceVersion: number;
  continueToken?: string;
  /** Items after this page; only known (as on a real apiserver) when no selector filters the list. */
  remainingItemCount?: number;
}

export type StoreListener = (event: StoreEvent) => void;

interface Table {
  type: ResourceType;
  objects: Map<string, StoredObject>;
  sortedKeys?: string[];
}

interface Snapshot {
  keys: string[];
  get(key: string): StoredObject | undefined;
}

const SERVER_MANAGED_METADATA = [
  'uid',
  'resourceVersion',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'generation',
  'selfLink',
];

function lowerBound(keys: string[], target: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Everything in an object except metadata (and status when it is a subresource): what bumps generation. */
function specPart(
  object: KubeObject,
  statusSubresource: boolean,
): Record<string, unknown> {
  const { metadata: _metadata, status, ...rest } = object;
  return statusSubresource ? rest : { ...rest, status };
}

/**
 * The in-memory "etcd + registry": per-resource maps, a global monotonic
 * resourceVersion, a bounded change log for watches and consistent paging,
 * and apiserver write semantics (defaults, validation, generation, finalizers).
 */
export class ObjectStore {
  private rv: number;
  private readonly tables = new Map<string, Table>();
  private readonly log: EventLog;
  private readonly listeners = new Set<StoreListener>();
  private readonly queue: StoreEvent[] = [];
  private dispatching = false;

  constructor(
    readonly registry: ResourceRegistry,
    private readonly clock: Clock,
    options: { watchWindow?: number; initialResourceVersion?: number } = {},
  ) {
    this.rv = options.initialResourceVersion ?? 1;
    this.log = new EventLog(options.watchWindow ?? 10000, this.rv);
    for (const type of registry.all()) {
      this.tables.set(resourceKey(type.group, type.resource), {
        type,
        objects: new Map(),
      });
    }
  }

  currentResourceVersion(): number {
    return this.rv;
  }

  oldestWatchableResourceVersion(): number {
    return this.log.oldestWatchableRv();
  }

  /** Forgets all retained history so older resourceVersions become 410 Gone. */
  compact(): void {
    this.log.compact(this.rv);
  }

  setWatchWindow(size: number): void {
    this.log.setCapacity(size);
  }

  /** Subscribes to every committed change, in resourceVersion order. */
  subscribe(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  count(type: ResourceType): number {
    return this.table(type).objects.size;
  }

  get(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
  ): StoredObject | undefined {
    return this.table(type).objects.get(
      storageKey(type.namespaced ? namespace : undefined, name),
    );
  }

  mustGet(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
  ): StoredObject {
    const stored = this.get(type, namespace, name);
    if (!stored) throw notFound(type, name);
    return stored;
  }

  /** Changes of one type newer than `rv`; throws 410 when that history was compacted. */
  eventsSince(type: ResourceType, rv: number): StoreEvent[] {
    if (rv < this.log.oldestWatchableRv()) {
      throw expired(
        `too old resource version: ${rv} (${this.log.oldestWatchableRv()})`,
      );
    }
    return this.log.since(rv, resourceKey(type.group, type.resource));
  }

  list(type: ResourceType, query: ListQuery = {}): ListResult {
    const table = this.table(type);
    let snapshotRv = this.rv;
    let startAfter: string | undefined;
    if (query.continueToken) {
      const position = decodeContinue(query.continueToken);
      if (position.rv < this.log.oldestWatchableRv()) {
        throw expired(
          'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.',
        );
      }
      snapshotRv = position.rv;
      startAfter = position.start;
    } else if (
      query.resourceVersionMatch === 'Exact' &&
      query.resourceVersion
    ) {
      const requested = Number(query.resourceVersion);
      if (!Number.isInteger(requested))
        throw badRequest(`invalid resource version: ${query.resourceVersion}`);
      if (requested < this.log.oldestWatchableRv()) {
        throw expired(
          `too old resource version: ${requested} (${this.log.oldestWatchableRv()})`,
        );
      }
      snapshotRv = Math.min(requested, this.rv);
    }

    const snapshot = this.snapshot(table, snapshotRv);
    const namespace = type.namespaced
      ? query.namespace ?? query.fieldSelector?.namespace
      : undefined;
    const prefix = namespace ? `${namespace}/` : '';
    let index = lowerBound(snapshot.keys, prefix);
    if (startAfter !== undefined)
      index = Math.max(index, lowerBound(snapshot.keys, `${startAfter}\u0000`));

    const limit = query.limit && query.limit > 0 ? query.limit : Infinity;
    const items: StoredObject[] = [];
    const fields =
      query.fieldSelector && !query.fieldSelector.empty
        ? query.fieldSelector
        : undefined;
    let continueToken: string | undefined;
    let remainingItemCount: number | undefined;
    for (; index < snapshot.keys.length; index++) {
      const key = snapshot.keys[index];
      if (prefix && !key.startsWith(prefix)) break;
      const stored = snapshot.get(key)!;
      if (
        query.labelSelector &&
        !query.labelSelector.empty &&
        !query.labelSelector.matches(stored.labels)
      )
        continue;
      if (fields && !fields.matchesMeta(stored.namespace, stored.name))
        continue;
      if (fields?.needsObject && !fields.matches(stored.object)) continue;
      if (items.length === limit) {
        continueToken = encodeContinue({
          rv: snapshotRv,
          start: items[items.length - 1].key,
        });
        if (!fields && (!query.labelSelector || query.labelSelector.empty)) {
          const end = prefix
            ? lowerBound(snapshot.keys, `${prefix.slice(0, -1)}0`)
            : snapshot.keys.length;
          remainingItemCount = end - index;
        }
        break;
      }
      items.push(stored);
    }
    return {
      items,
      resourceVersion: snapshotRv,
      continueToken,
      remainingItemCount,
    };
  }

  create(
    type: ResourceType,
    input: KubeObject,
    options: WriteOptions = {},
  ): WriteResult {
    const table = this.table(type);
    const object = cloneJson(input);
    object.apiVersion = apiVersionOf(type);
    object.kind = type.kind;
    const metadata = (object.metadata = { ...(object.metadata ?? {}) });
    for (const field of SERVER_MANAGED_METADATA) delete metadata[field];
    if (!type.namespaced) delete metadata.namespace;
    if (type.namespaced)
      this.requireNamespace(
        type,
        metadata.namespace,
        metadata.name ?? metadata.generateName ?? '',
      );

    if (!metadata.name) {
      if (!metadata.generateName) {
        throw invalid(type, '', [
          {
            reason: 'FieldValueRequired',
            message: 'Required value: name or generateName is required',
            field: 'metadata.name',
          },
        ]);
      }
      metadata.name = this.generateName(
        table,
        metadata.namespace,
        metadata.generateName,
      );
    }
    const key = storageKey(metadata.namespace, metadata.name);
    if (table.objects.has(key)) throw alreadyExists(type, metadata.name);

    if (type.statusSubresource) delete object.status;
    applyCreateDefaults(type, object);
    labelNamespace(type, object);
    metadata.uid = newUid();
    metadata.creationTimestamp = formatTimestamp(this.clock.now());
    metadata.generation = 1;
    options.mutate?.(object, undefined);
    const warnings = this.validate(type, object, options.fieldValidation);
    // A dry-run create is never stored, so it has no resourceVersion.
    if (options.dryRun) return { stored: makeStored(object), warnings };

    metadata.resourceVersion = String(++this.rv);
    const stored = makeStored(object);
    this.insert(table, stored);
    this.emit({
      type: 'ADDED',
      rv: this.rv,
      typeKey: resourceKey(type.group, type.resource),
      current: stored,
    });
    return { stored, warnings };
  }

  update(
    type: ResourceType,
    input: KubeObject,
    options: UpdateOptions = {},
  ): WriteResult {
    const table = this.table(type);
    const name = input.metadata?.name;
    if (!name)
      throw invalid(type, '', [
        {
          reason: 'FieldValueRequired',
          message: 'Required value: name is required',
          field: 'metadata.name',
        },
      ]);
    const namespace = type.namespaced ? input.metadata.namespace : undefined;
    const previous = table.objects.get(storageKey(namespace, name));
    if (!previous) throw notFound(type, name);
    const old = previous.object;
    const requestedRv = input.metadata.resourceVersion;
    if (
      requestedRv !== undefined &&
      requestedRv !== '' &&
      requestedRv !== old.metadata.resourceVersion
    ) {
      throw conflict(type, name, MODIFIED_CONFLICT);
    }

    const incoming = cloneJson(input);
    let candidate: KubeObject;
    if (options.subresource === 'status') {
      candidate = { ...cloneJson(old), status: incoming.status };
      if (incoming.status === undefined) delete candidate.status;
    } else {
      candidate = incoming;
      if (type.statusSubresource) {
        if (old.status === undefined) delete candidate.status;
        else candidate.status = cloneJson(old.status);
      }
      candidate.metadata = {
        ...incoming.metadata,
        managedFields:
          incoming.metadata.managedFields ??
          cloneJson(old.metadata.managedFields),
      };
      if (candidate.metadata.managedFields === undefined)
        delete candidate.metadata.managedFields;
    }
    candidate.apiVersion = apiVersionOf(type);
    candidate.kind = type.kind;
    const metadata = candidate.metadata;
    metadata.name = old.metadata.name;
    if (type.namespaced) metadata.namespace = old.metadata.namespace;
    else delete metadata.namespace;
    metadata.uid = old.metadata.uid;
    metadata.creationTimestamp = old.metadata.creationTimestamp;
    metadata.generation = old.metadata.generation;
    metadata.resourceVersion = old.metadata.resourceVersion;
    if (old.metadata.deletionTimestamp) {
      metadata.deletionTimestamp = old.metadata.deletionTimestamp;
      metadata.deletionGracePeriodSeconds =
        old.metadata.deletionGracePeriodSeconds;
      const added = (metadata.finalizers ?? []).filter(
        f => !(old.metadata.finalizers ?? []).includes(f),
      );
      if (added.length > 0) {
        throw invalid(type, name, [
          {
            reason: 'FieldValueForbidden',
            message: `Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{${added
              .map(f => JSON.stringify(f))
              .join(', ')}}`,
            field: 'metadata.finalizers',
          },
        ]);
      }
    } else {
      delete metadata.deletionTimestamp;
      delete metadata.deletionGracePeriodSeconds;
    }
    labelNamespace(type, candidate);
    options.mutate?.(candidate, old);
    const warnings = this.validate(type, candidate, options.fieldValidation);

    if (
      !deepEqual(
        specPart(candidate, type.statusSubresource),
        specPart(old, type.statusSubresource),
      )
    ) {
      metadata.generation = (old.metadata.generation ?? 1) + 1;
    }
    if (this.isNoop(candidate, old)) return { stored: previous, warnings };
    if (options.dryRun) return { stored: makeStored(candidate), warnings };

    metadata.resourceVersion = String(++this.rv);
    const stored = makeStored(candidate);
    const typeKey = resourceKey(type.group, type.resource);
    if (metadata.deletionTimestamp && !hasFinalizers(type, candidate)) {
      table.objects.delete(stored.key);
      table.sortedKeys = undefined;
      this.emit({
        type: 'DELETED',
        rv: this.rv,
        typeKey,
        current: stored,
        previous,
      });
    } else {
      table.objects.set(stored.key, stored);
      this.emit({
        type: 'MODIFIED',
        rv: this.rv,
        typeKey,
        current: stored,
        previous,
      });
    }
    return { stored, warnings };
  }

  delete(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    options: DeleteOptions = {},
  ): DeleteResult {
    const table = this.table(type);
    const previous = table.objects.get(
      storageKey(type.namespaced ? namespace : undefined, name),
    );
    if (!previous) throw notFound(type, name);
    const old = previous.object;
    const { uid, resourceVersion } = options.preconditions ?? {};
    if (uid && uid !== old.metadata.uid) {
      throw conflict(
        type,
        name,
        `Precondition failed: UID in precondition: ${uid}, UID in object meta: ${old.metadata.uid}`,
      );
    }
    if (resourceVersion && resourceVersion !== old.metadata.resourceVersion) {
      throw conflict(
        type,
        name,
        `Precondition failed: ResourceVersion in precondition: ${resourceVersion}, ResourceVersion in object meta: ${old.metadata.resourceVersion}`,
      );
    }
    const typeKey = resourceKey(type.group, type.resource);
    if (hasFinalizers(type, old)) {
      if (old.metadata.deletionTimestamp || options.dryRun)
        return { stored: previous, deleted: false };
      const marked = cloneJson(old);
      marked.metadata.deletionTimestamp = formatTimestamp(this.clock.now());
      marked.metadata.deletionGracePeriodSeconds = 0;
      if ((marked.metadata.generation ?? 0) > 0)
        marked.metadata.generation = marked.metadata.generation! + 1;
      if (isNamespace(type)) marked.status = { phase: 'Terminating' };
      marked.metadata.resourceVersion = String(++this.rv);
      const stored = makeStored(marked);
      table.objects.set(stored.key, stored);
      this.emit({
        type: 'MODIFIED',
        rv: this.rv,
        typeKey,
        current: stored,
        previous,
      });
      return { stored, deleted: false };
    }
    if (options.dryRun) return { stored: previous, deleted: true };
    if (isNamespace(type)) this.deleteNamespaceContents(name);

    const removed = cloneJson(old);
    removed.metadata.resourceVersion = String(++this.rv);
    const stored = makeStored(removed);
    table.objects.delete(stored.key);
    table.sortedKeys = undefined;
    this.emit({
      type: 'DELETED',
      rv: this.rv,
      typeKey,
      current: stored,
      previous,
      orphanDependents: options.propagationPolicy === 'Orphan',
    });
    return { stored, deleted: true };
  }

  /** Loads persisted objects verbatim (keeping uid/resourceVersion) without emitting events. */
  restore(objects: KubeObject[], resourceVersion: number): void {
    for (const object of objects) {
      const type = this.registry.byKind(object.apiVersion, object.kind);
      if (!type || type.resource === 'customresourcedefinitions') continue;
      this.insert(this.table(type), makeStored(object));
    }
    this.rv = Math.max(this.rv, resourceVersion);
    this.log.compact(this.rv);
  }

  /** The stored JSON of every object of every type (for persistence), in storage-key order per type. */
  dumpJson(): string[] {
    const objects: string[] = [];
    for (const table of this.tables.values()) {
      for (const key of this.sortedKeys(table))
        objects.push(table.objects.get(key)!.json);
    }
    return objects;
  }

  private table(type: ResourceType): Table {
    const table = this.tables.get(resourceKey(type.group, type.resource));
    if (!table)
      throw new Error(
        `resource ${type.resource}.${type.group} is not registered`,
      );
    return table;
  }

  private insert(table: Table, stored: StoredObject): void {
    const isNew = !table.objects.has(stored.key);
    table.objects.set(stored.key, stored);
    if (isNew && table.sortedKeys) {
      const keys = table.sortedKeys;
      // Appending in order (the common bulk-create case) keeps the cache; otherwise rebuild lazily.
      if (keys.length === 0 || keys[keys.length - 1] < stored.key)
        keys.push(stored.key);
      else table.sortedKeys = undefined;
    }
  }

  private sortedKeys(table: Table): string[] {
    if (!table.sortedKeys) table.sortedKeys = [...table.objects.keys()].sort();
    return table.sortedKeys;
  }

  private snapshot(table: Table, rv: number): Snapshot {
    const current: Snapshot = {
      keys: this.sortedKeys(table),
      get: key => table.objects.get(key),
    };
    if (rv >= this.rv) return current;
    const overrides = new Map<string, StoredObject | null>();
    const events = this.eventsSince(table.type, rv);
    for (let i = events.length - 1; i >= 0; i--) {
      overrides.set(events[i].current.key, events[i].previous ?? null);
    }
    if (overrides.size === 0) return current;
    const keys = new Set(current.keys);
    for (const key of overrides.keys()) keys.add(key);
    const get = (key: string) =>
      overrides.has(key)
        ? overrides.get(key) ?? undefined
        : table.objects.get(key);
    return { keys: [...keys].filter(k => get(k) !== undefined).sort(), get };
  }

  private requireNamespace(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
  ): void {
    if (!namespace) {
      throw invalid(type, name, [
        {
          reason: 'FieldValueRequired',
          message: 'Required value',
          field: 'metadata.namespace',
        },
      ]);
    }
    const namespaces = this.tables.get(resourceKey('', 'namespaces'))!;
    if (!namespaces.objects.has(namespace)) {
      throw notFound(namespaces.type, namespace);
    }
    if (namespaces.objects.get(namespace)!.object.metadata.deletionTimestamp) {
      throw new ApiError(
        403,
        'Forbidden',
        `${
          type.group ? `${type.resource}.${type.group}` : type.resource
        } "${name}" is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`,
      );
    }
  }

  private generateName(
    table: Table,
    namespace: string | undefined,
    prefix: string,
  ): string {
    for (let attempt = 0; attempt < 8; attempt++) {
      const candidate = `${prefix}${randomNameSuffix()}`;
      if (!table.objects.has(storageKey(namespace, candidate)))
        return candidate;
    }
    throw alreadyExists(table.type, prefix);
  }

  private validate(
    type: ResourceType,
    object: KubeObject,
    fieldValidation: FieldValidation = 'Warn',
  ): string[] {
    const name = object.metadata.name ?? '';
    const causes: StatusCause[] = [
      ...validateObjectName(name, isNamespace(type)),
      ...validateLabelsAndAnnotations(object.metadata),
    ];
    let warnings: string[] = [];
    if (type.custom && type.schema) {
      const dropped = pruneUnknownFields(object, type.schema);
      if (dropped.length > 0 && fieldValidation === 'Strict') {
        throw badRequest(
          `${type.kind} in version "${type.version}" cannot be handled as a ${
            type.kind
          }: strict decoding error: ${dropped
            .map(path => `unknown field "${path}"`)
            .join(', ')}`,
        );
      }
      if (fieldValidation === 'Warn')
        warnings = dropped.map(path => `unknown field "${path}"`);
      const { metadata: _metadata, ...body } = object;
      causes.push(
        ...validateAgainstSchema(
          body,
          {
            ...type.schema,
            required: (type.schema.required ?? []).filter(
              r => r !== 'metadata',
            ),
          },
          '',
        ),
      );
    }
    if (causes.length > 0) throw invalid(type, name, causes);
    return warnings;
  }

  /** Like the apiserver, a write that only moves managedFields timestamps changes nothing. */
  private isNoop(candidate: KubeObject, old: KubeObject): boolean {
    const strip = (o: KubeObject) => ({
      ...o,
      metadata: {
        ...o.metadata,
        managedFields: o.metadata.managedFields?.map(
          ({ time: _time, ...entry }) => entry,
        ),
        resourceVersion: undefined,
      },
    });
    return deepEqual(strip(candidate), strip(old));
  }

  /** What the namespace controller does to a Terminating namespace before finalizing it. */
  deleteNamespaceContents(namespace: string): void {
    for (const table of this.tables.values()) {
      if (!table.type.namespaced) continue;
      const prefix = `${namespace}/`;
      for (const key of [...this.sortedKeys(table)]) {
        if (!key.startsWith(prefix)) continue;
        const stored = table.objects.get(key);
        if (stored) this.delete(table.type, namespace, stored.name, {});
      }
    }
  }

  private emit(event: StoreEvent): void {
    this.log.append(event);
    this.queue.push(event);
    if (this.dispatching) return;
    this.dispatching = true;
    try {
      // Listeners may write; their events queue up so every listener sees rv order.
      for (let next = this.queue.shift(); next; next = this.queue.shift()) {
        for (const listener of this.listeners) {
          try {
            listener(next);
          } catch (error) {
            // A failing controller must not fail the client's write that triggered it.
            console.error('ack-emulator: store listener failed', error);
          }
        }
        next.previous?.release();
        next.current.release();
      }
    } finally {
      this.dispatching = false;
    }
  }
}

function isNamespace(type: ResourceType): boolean {
  return type.resource === 'namespaces' && !type.group;
}

/** metadata.finalizers, plus a namespace's spec.finalizers (the namespace controller's "kubernetes"). */
function hasFinalizers(type: ResourceType, object: KubeObject): boolean {
  if ((object.metadata.finalizers ?? []).length > 0) return true;
  const spec = object.spec as { finalizers?: unknown[] } | undefined;
  return isNamespace(type) && (spec?.finalizers ?? []).length > 0;
}

/** The apiserver keeps `kubernetes.io/metadata.name` equal to a namespace's name. */
function labelNamespace(type: ResourceType, object: KubeObject): void {
  if (!isNamespace(type)) return;
  object.metadata.labels = {
    ...(object.metadata.labels ?? {}),
    'kubernetes.io/metadata.name': object.metadata.name!,
  };
}

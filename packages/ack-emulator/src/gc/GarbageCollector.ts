import { ApiError } from '../api/errors';
import type { ObjectStore } from '../store/ObjectStore';
import type { StoreEvent } from '../store/types';

interface Dependent {
  typeKey: string;
  namespace?: string;
  name: string;
}

/**
 * Deletes dependents (via ownerReferences) after their owner is deleted, like
 * the kube-controller-manager's garbage collector with background propagation.
 */
export class GarbageCollector {
  // owner uid → dependents, keyed by `typeKey|namespace|name`.
  private readonly byOwner = new Map<string, Map<string, Dependent>>();
  private unsubscribe?: () => void;

  constructor(private readonly store: ObjectStore) {}

  start(): void {
    for (const type of this.store.registry.all()) {
      for (const stored of this.store.list(type).items)
        this.index(`${type.group}/${type.resource}`, stored.object, true);
    }
    this.unsubscribe = this.store.subscribe(event => this.onEvent(event));
  }

  stop(): void {
    this.unsubscribe?.();
  }

  private onEvent(event: StoreEvent): void {
    const object = event.current.object;
    if (event.previous) this.index(event.typeKey, event.previous.object, false);
    if (event.type !== 'DELETED') {
      this.index(event.typeKey, object, true);
      return;
    }
    const dependents = this.byOwner.get(object.metadata.uid!);
    this.byOwner.delete(object.metadata.uid!);
    if (!dependents || event.orphanDependents) return;
    for (const dependent of dependents.values()) {
      const [group, resource] = dependent.typeKey.split('/');
      const type = this.store.registry.byGroupResource(group, resource);
      try {
        this.store.delete(type, dependent.namespace, dependent.name, {});
      } catch (error) {
        if (!(error instanceof ApiError && error.code === 404)) throw error;
      }
    }
  }

  private index(
    typeKey: string,
    object: StoreEvent['current']['object'],
    add: boolean,
  ): void {
    for (const owner of object.metadata.ownerReferences ?? []) {
      const key = `${typeKey}|${object.metadata.namespace ?? ''}|${
        object.metadata.name
      }`;
      if (add) {
        if (!this.byOwner.has(owner.uid))
          this.byOwner.set(owner.uid, new Map());
        this.byOwner.get(owner.uid)!.set(key, {
          typeKey,
          namespace: object.metadata.namespace,
          name: object.metadata.name!,
        });
      } else {
        this.byOwner.get(owner.uid)?.delete(key);
      }
    }
  }
}

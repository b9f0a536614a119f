import type { Clock, TimerId } from '../clock/Clock';
import type { ObjectStore } from '../store/ObjectStore';
import type { StoreEvent } from '../store/types';
import { cloneJson } from '../util/json';

const FINALIZER = 'kubernetes';
export const NAMESPACE_FINALIZE_MS = 2_000;

/**
 * The kube-controller-manager's namespace controller: a deleted namespace
 * stays `Terminating` until its contents are gone, then loses its
 * `kubernetes` finalizer and disappears, a couple of simulated seconds later
 * as on a cluster.
 */
export class NamespaceController {
  private unsubscribe?: () => void;
  private readonly pending = new Map<string, TimerId>();

  constructor(
    private readonly store: ObjectStore,
    private readonly clock: Clock,
  ) {}

  start(): void {
    const type = this.store.registry.byGroupResource('', 'namespaces');
    for (const stored of this.store.list(type).items)
      if (stored.object.metadata.deletionTimestamp)
        this.finalizeSoon(stored.name);
    this.unsubscribe = this.store.subscribe(event => this.onEvent(event));
  }

  stop(): void {
    this.unsubscribe?.();
    for (const timer of this.pending.values()) this.clock.clearTimer(timer);
    this.pending.clear();
  }

  private onEvent(event: StoreEvent): void {
    if (event.typeKey !== '/namespaces' || event.type === 'DELETED') return;
    if (event.current.object.metadata.deletionTimestamp)
      this.finalizeSoon(event.current.name);
  }

  private finalizeSoon(name: string): void {
    if (this.pending.has(name)) return;
    this.pending.set(
      name,
      this.clock.setTimer(NAMESPACE_FINALIZE_MS, () => {
        this.pending.delete(name);
        this.finalize(name);
      }),
    );
  }

  private finalize(name: string): void {
    const type = this.store.registry.byGroupResource('', 'namespaces');
    const namespace = this.store.get(type, undefined, name)?.object;
    if (!namespace?.metadata.deletionTimestamp) return;
    this.store.deleteNamespaceContents(name);
    const finalized = cloneJson(namespace);
    const spec = (finalized.spec ?? {}) as { finalizers?: string[] };
    spec.finalizers = (spec.finalizers ?? []).filter(f => f !== FINALIZER);
    finalized.spec = spec;
    this.store.update(type, finalized);
  }
}

import {
  ANNOTATION_ACR_INSTANCE_IDS,
  emptyRunEvidence,
  foldPodStatus,
  foldRunEvent,
  LABEL_ENTITY_HASH,
  PodEventInput,
  POD_ANNOTATION_ACR_INSTANCE_ID_LEGACY,
  RunEvidence,
  RunFailure,
} from '@eci-portal/plugin-eci-image-cache-common';

const WORKFLOW_LABEL = 'workflows.argoproj.io/workflow';

/** What is kept of one run (a pod of the entity): compact, since every entity keeps its last N. */
export interface RunRecord {
  cluster: string;
  namespace: string;
  pod: string;
  uid: string;
  workflow?: string;
  startedAtMs: number;
  phase: string;
  /** The pod's ACR password-free annotation, for the diagnosis. */
  acrAnnotation?: string;
  /** Derived from the pod's events. */
  evidence: RunEvidence;
  /** A failure the pod's status shows (used when no event explained one). */
  statusFailure?: RunFailure;
}

/** The pod fields read (a core/v1 Pod from the API server). */
export interface RawPod {
  metadata?: {
    uid?: string;
    name?: string;
    namespace?: string;
    creationTimestamp?: string | Date;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  status?: Parameters<typeof foldPodStatus>[1];
}

/** The event fields read (a core/v1 Event about a pod). */
export interface RawPodEvent extends PodEventInput {
  involvedObject?: { uid?: string; kind?: string; fieldPath?: string };
}

export interface RunStoreLimits {
  /** Runs kept per entity (newest). */
  runsPerEntity: number;
  /** Pods whose events arrived before the pod itself, kept until the pod shows up. */
  pendingPods: number;
}

const EVENTS_PER_PENDING_POD = 32;
const MAX_INTERNED = 100_000;

function compactEvent(event: RawPodEvent): PodEventInput {
  return { reason: event.reason, message: event.message, type: event.type };
}

function timeOf(value: string | Date | undefined): number {
  const ms = value === undefined ? NaN : new Date(value).getTime();
  return Number.isFinite(ms) ? ms : 0;
}

/**
 * The last runs of every entity, across clusters, fed by the pod and event watches. Runs outlive
 * their pods (Argo's pod GC deletes them): a run leaves only when newer runs push it out.
 */
export class RunStore {
  private readonly byKey = new Map<string, RunRecord>();
  /** Entity hash → its runs, oldest first. */
  private readonly byEntity = new Map<string, RunRecord[]>();
  private readonly pending = new Map<string, PodEventInput[]>();
  /**
   * One copy of each image reference, cache id and ACR annotation: values cut out of event messages
   * would otherwise keep every whole message alive, and the same image repeats in every run.
   */
  private readonly interned = new Map<string, string>();
  /** Cache id → start of the newest run that hit it; outlives the runs pushed out. */
  private readonly lastHits = new Map<string, number>();

  constructor(private readonly limits: RunStoreLimits) {}

  get size(): number {
    return this.byKey.size;
  }

  /** Start (ms) of the newest recorded run that hit the cache. */
  lastHitAtMs(imageCacheId: string): number | undefined {
    return this.lastHits.get(imageCacheId);
  }

  /** The entity's runs, newest first. */
  runsOf(entityHash: string): RunRecord[] {
    return [...(this.byEntity.get(entityHash) ?? [])].reverse();
  }

  upsertPod(cluster: string, pod: RawPod): void {
    const uid = pod.metadata?.uid;
    const entityHash = pod.metadata?.labels?.[LABEL_ENTITY_HASH];
    if (!uid || !entityHash || !pod.metadata?.name) return;
    const key = `${cluster}/${uid}`;
    let record = this.byKey.get(key);
    if (!record) {
      record = this.admit(cluster, key, entityHash, pod);
      if (!record) return;
    }
    record.phase =
      (pod.status as { phase?: string } | undefined)?.phase ?? record.phase;
    const statusFailure = foldPodStatus(emptyRunEvidence(), pod.status).failure;
    if (statusFailure) record.statusFailure = statusFailure;
    const annotations = pod.metadata.annotations ?? {};
    const acr =
      annotations[ANNOTATION_ACR_INSTANCE_IDS] ??
      annotations[POD_ANNOTATION_ACR_INSTANCE_ID_LEGACY];
    if (acr !== undefined) record.acrAnnotation = this.intern(acr);
    else delete record.acrAnnotation;
  }

  applyEvent(cluster: string, event: RawPodEvent): void {
    const uid = event.involvedObject?.uid;
    if (!uid) return;
    const key = `${cluster}/${uid}`;
    const record = this.byKey.get(key);
    if (record) {
      record.evidence = this.compact(foldRunEvent(record.evidence, event));
      this.noteHit(record);
      return;
    }
    // The event watch may deliver before the pod watch: hold a few events per unknown pod.
    let events = this.pending.get(key);
    if (!events) {
      if (this.pending.size >= this.limits.pendingPods) {
        this.pending.delete(this.pending.keys().next().value!);
      }
      events = [];
      this.pending.set(key, events);
    }
    if (events.length < EVENTS_PER_PENDING_POD)
      events.push(compactEvent(event));
  }

  private noteHit(record: RunRecord): void {
    const { cacheOutcome, imageCacheId } = record.evidence;
    if (cacheOutcome !== 'hit' || !imageCacheId) return;
    const known = this.lastHits.get(imageCacheId);
    if (known !== undefined && known >= record.startedAtMs) return;
    if (known === undefined && this.lastHits.size >= MAX_INTERNED) {
      this.lastHits.delete(this.lastHits.keys().next().value!);
    }
    this.lastHits.set(imageCacheId, record.startedAtMs);
  }

  private intern(value: string): string {
    let kept = this.interned.get(value);
    if (kept === undefined) {
      if (this.interned.size >= MAX_INTERNED) this.interned.clear();
      // A flat copy: a slice of an event message would keep the whole message.
      kept = JSON.parse(JSON.stringify(value)) as string;
      this.interned.set(kept, kept);
    }
    return kept;
  }

  private compact(evidence: RunEvidence): RunEvidence {
    for (const pull of evidence.pulls) pull.image = this.intern(pull.image);
    if (evidence.imageCacheId) {
      evidence.imageCacheId = this.intern(evidence.imageCacheId);
    }
    return evidence;
  }

  private admit(
    cluster: string,
    key: string,
    entityHash: string,
    pod: RawPod,
  ): RunRecord | undefined {
    const metadata = pod.metadata!;
    const startedAtMs = timeOf(metadata.creationTimestamp);
    const runs = this.byEntity.get(entityHash) ?? [];
    if (
      runs.length >= this.limits.runsPerEntity &&
      startedAtMs <= runs[0].startedAtMs
    ) {
      return undefined; // older than every kept run: it was pushed out already
    }
    const record: RunRecord = {
      cluster,
      namespace: metadata.namespace ?? '',
      pod: metadata.name!,
      uid: metadata.uid!,
      startedAtMs,
      phase: 'Pending',
      evidence: this.compact(
        (this.pending.get(key) ?? []).reduce(foldRunEvent, emptyRunEvidence()),
      ),
    };
    const workflow = metadata.labels?.[WORKFLOW_LABEL];
    if (workflow) record.workflow = workflow;
    this.pending.delete(key);
    let at = runs.length;
    while (at > 0 && runs[at - 1].startedAtMs > startedAtMs) at -= 1;
    runs.splice(at, 0, record);
    if (runs.length > this.limits.runsPerEntity) {
      const [oldest] = runs.splice(0, 1);
      this.byKey.delete(`${oldest.cluster}/${oldest.uid}`);
    }
    this.byEntity.set(entityHash, runs);
    this.byKey.set(key, record);
    this.noteHit(record);
    return record;
  }
}

import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  EntityCacheMode,
  EntitySettings,
  HistoryAction,
  HistoryEntry,
  ImageCache,
  SavedEntitySettings,
} from '@eci-portal/plugin-eci-image-cache-common';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@eci-portal/plugin-eci-image-cache-backend',
  'migrations',
);

export interface NewHistoryEntry {
  entityRef: string;
  cluster: string;
  cacheName: string;
  action: HistoryAction;
  imageCacheId?: string;
  message?: string;
  actor?: string;
  occurredAt?: Date;
  /**
   * Identifies one real-world event so that several replicas (or the watch and the
   * reconciler) record it once. With `replace`, a later record of the same event wins.
   */
  dedupeKey?: string;
}

export interface RetryState {
  cluster: string;
  cacheName: string;
  entityRef: string;
  /** Retries already made. */
  attempts: number;
  /** uid of the Failed object this plan is for; a new failure gets a new plan. */
  failedUid: string;
  nextAttemptAt: Date;
}

export interface OrphanMark {
  cluster: string;
  cacheName: string;
  entityRef: string;
  reason: string;
  firstSeenAt: Date;
}

/** The ImageCache a cache command asked for: the entity's desired revision on a cluster. */
export interface CacheIntent {
  entityRef: string;
  cluster: string;
  revision: number;
  cache: ImageCache;
  /** The entity configuration the command was made against (see `baseKeyOf`). */
  baseKey: string;
  requestedBy: string;
  requestedAt: Date;
}

/** An entity's revision row on a cluster, as a cache command finds it. */
export interface RevisionRow {
  revision: number;
  intent?: CacheIntent;
}

/** What a cache command decided inside its transaction: the intent to record, if any. */
export interface IntentDecision<T> {
  record?: CacheIntent;
  result: T;
}

type RevisionDbRow = {
  entity_ref: string;
  cluster: string;
  revision: number | string;
  cache_name: string | null;
  cache_spec: string | null;
  base_key: string | null;
  requested_by: string | null;
  requested_at: string | Date | number | null;
};

function intentFromRow(row: RevisionDbRow): CacheIntent | undefined {
  if (!row.cache_spec || !row.base_key || !row.requested_at) return undefined;
  return {
    entityRef: row.entity_ref,
    cluster: row.cluster,
    revision: Number(row.revision),
    cache: JSON.parse(row.cache_spec),
    baseKey: row.base_key,
    requestedBy: row.requested_by ?? '',
    requestedAt: toDate(row.requested_at),
  };
}

type SettingsRow = {
  entity_ref: string;
  acr_instance: string | null;
  cache_mode: string | null;
  image_cache_size: number | null;
  retention_days: number | null;
  image_pull_secrets: string | null;
  updated_by: string;
  updated_at: string | Date;
};

function toDate(value: string | Date | number): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'number') return new Date(value);
  // SQLite returns "YYYY-MM-DD HH:MM:SS.sss" (UTC) for timestamps it stored itself.
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value.replace(' ', 'T')}Z`);
}

function settingsFromRow(row: SettingsRow): SavedEntitySettings {
  const settings: EntitySettings = {};
  if (row.acr_instance !== null) settings.acrInstance = row.acr_instance;
  if (row.cache_mode !== null) settings.cacheMode = row.cache_mode as EntityCacheMode;
  if (row.image_cache_size !== null) settings.imageCacheSize = Number(row.image_cache_size);
  if (row.retention_days !== null) settings.retentionDays = Number(row.retention_days);
  if (row.image_pull_secrets !== null) {
    settings.imagePullSecrets = JSON.parse(row.image_pull_secrets);
  }
  return {
    settings,
    updatedBy: row.updated_by,
    updatedAt: toDate(row.updated_at).toISOString(),
  };
}

/** Persistence of the plugin (SQLite or PostgreSQL through coreServices.database). */
export class EciImageCacheStore {
  static async create(database: DatabaseService): Promise<EciImageCacheStore> {
    const knex = await database.getClient();
    if (!database.migrations?.skip) {
      await knex.migrate.latest({ directory: migrationsDir });
    }
    return new EciImageCacheStore(knex);
  }

  private readonly writeListeners: Array<() => void> = [];
  private readonly historyListeners: Array<(entityRef: string) => void> = [];

  constructor(private readonly knex: Knex) {}

  /** Called after each write to settings, revisions, retry plans or orphan marks. */
  onWrite(listener: () => void): void {
    this.writeListeners.push(listener);
  }

  /** Called after each history write, with the entity it was for. */
  onHistoryWrite(listener: (entityRef: string) => void): void {
    this.historyListeners.push(listener);
  }

  private wrote(): void {
    for (const listener of this.writeListeners) listener();
  }

  async getSettings(entityRef: string): Promise<SavedEntitySettings | undefined> {
    const row = await this.knex<SettingsRow>('eci_entity_settings')
      .where({ entity_ref: entityRef })
      .first();
    return row ? settingsFromRow(row) : undefined;
  }

  async listSettings(): Promise<Map<string, SavedEntitySettings>> {
    const rows = await this.knex<SettingsRow>('eci_entity_settings').select();
    return new Map(rows.map(row => [row.entity_ref, settingsFromRow(row)]));
  }

  async saveSettings(
    entityRef: string,
    settings: EntitySettings,
    updatedBy: string,
    updatedAt: Date = new Date(),
  ): Promise<SavedEntitySettings> {
    const row: SettingsRow = {
      entity_ref: entityRef,
      acr_instance: settings.acrInstance ?? null,
      cache_mode: settings.cacheMode ?? null,
      image_cache_size: settings.imageCacheSize ?? null,
      retention_days: settings.retentionDays ?? null,
      image_pull_secrets: settings.imagePullSecrets
        ? JSON.stringify(settings.imagePullSecrets)
        : null,
      updated_by: updatedBy,
      updated_at: updatedAt,
    };
    await this.knex('eci_entity_settings')
      .insert(row)
      .onConflict('entity_ref')
      .merge();
    this.wrote();
    return settingsFromRow(row);
  }

  /** Returns whether there was anything to delete. */
  async deleteSettings(entityRef: string): Promise<boolean> {
    const count = await this.knex('eci_entity_settings')
      .where({ entity_ref: entityRef })
      .delete();
    this.wrote();
    return count > 0;
  }

  async addHistory(
    entry: NewHistoryEntry,
    options: { replace?: boolean } = {},
  ): Promise<void> {
    const row = {
      entity_ref: entry.entityRef,
      cluster: entry.cluster,
      cache_name: entry.cacheName,
      image_cache_id: entry.imageCacheId ?? null,
      action: entry.action,
      message: entry.message ?? null,
      actor: entry.actor ?? null,
      occurred_at: entry.occurredAt ?? new Date(),
      dedupe_key: entry.dedupeKey ?? null,
    };
    const insert = this.knex('eci_cache_history').insert(row);
    if (!entry.dedupeKey) {
      await insert;
    } else if (options.replace) {
      await insert
        .onConflict('dedupe_key')
        .merge(['action', 'message', 'actor', 'image_cache_id']);
    } else {
      await insert.onConflict('dedupe_key').ignore();
    }
    for (const listener of this.historyListeners) listener(entry.entityRef);
  }

  /**
   * Records entries whose dedupe key is not recorded yet, in one statement; entries already
   * recorded (by any replica) are left as they are.
   */
  async addMissingHistory(entries: NewHistoryEntry[]): Promise<void> {
    const rows = entries
      .filter(entry => entry.dedupeKey)
      .map(entry => ({
        entity_ref: entry.entityRef,
        cluster: entry.cluster,
        cache_name: entry.cacheName,
        image_cache_id: entry.imageCacheId ?? null,
        action: entry.action,
        message: entry.message ?? null,
        actor: entry.actor ?? null,
        occurred_at: entry.occurredAt ?? new Date(),
        dedupe_key: entry.dedupeKey,
      }));
    if (rows.length === 0) return;
    await this.knex('eci_cache_history')
      .insert(rows)
      .onConflict('dedupe_key')
      .ignore();
    for (const entityRef of new Set(rows.map(row => row.entity_ref))) {
      for (const listener of this.historyListeners) listener(entityRef);
    }
  }

  async listHistory(entityRef: string, limit = 100): Promise<HistoryEntry[]> {
    const rows = await this.knex('eci_cache_history')
      .where({ entity_ref: entityRef })
      .orderBy([
        { column: 'occurred_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(limit);
    return rows.map(row => ({
      cluster: row.cluster,
      cacheName: row.cache_name,
      imageCacheId: row.image_cache_id,
      action: row.action,
      message: row.message,
      actor: row.actor,
      occurredAt: toDate(row.occurred_at).toISOString(),
    }));
  }

  async listRetries(entityRef?: string): Promise<RetryState[]> {
    const query = this.knex('eci_cache_retries').select();
    const rows = await (entityRef ? query.where({ entity_ref: entityRef }) : query);
    return rows.map(row => ({
      cluster: row.cluster,
      cacheName: row.cache_name,
      entityRef: row.entity_ref,
      attempts: Number(row.attempts),
      failedUid: row.failed_uid,
      nextAttemptAt: toDate(row.next_attempt_at),
    }));
  }

  async saveRetry(state: RetryState): Promise<void> {
    await this.knex('eci_cache_retries')
      .insert({
        cluster: state.cluster,
        cache_name: state.cacheName,
        entity_ref: state.entityRef,
        attempts: state.attempts,
        failed_uid: state.failedUid,
        next_attempt_at: state.nextAttemptAt,
      })
      .onConflict(['cluster', 'cache_name'])
      .merge();
    this.wrote();
  }

  async clearRetry(cluster: string, cacheName: string): Promise<void> {
    await this.knex('eci_cache_retries')
      .where({ cluster, cache_name: cacheName })
      .delete();
    this.wrote();
  }

  async listOrphanMarks(entityRef?: string): Promise<OrphanMark[]> {
    const query = this.knex('eci_orphan_marks').select();
    const rows = await (entityRef ? query.where({ entity_ref: entityRef }) : query);
    return rows.map(row => ({
      cluster: row.cluster,
      cacheName: row.cache_name,
      entityRef: row.entity_ref,
      reason: row.reason,
      firstSeenAt: toDate(row.first_seen_at),
    }));
  }

  /** Records the first sighting; an existing mark keeps its original time. */
  async markOrphan(mark: OrphanMark): Promise<void> {
    await this.knex('eci_orphan_marks')
      .insert({
        cluster: mark.cluster,
        cache_name: mark.cacheName,
        entity_ref: mark.entityRef,
        reason: mark.reason.slice(0, 255),
        first_seen_at: mark.firstSeenAt,
      })
      .onConflict(['cluster', 'cache_name'])
      .ignore();
    this.wrote();
  }

  async clearOrphanMark(cluster: string, cacheName: string): Promise<void> {
    await this.knex('eci_orphan_marks')
      .where({ cluster, cache_name: cacheName })
      .delete();
    this.wrote();
  }

  async getRevision(entityRef: string, cluster: string): Promise<number> {
    const row = await this.knex('eci_cache_revisions')
      .where({ entity_ref: entityRef, cluster })
      .first();
    return row ? Number(row.revision) : 0;
  }

  async listRevisions(): Promise<Map<string, number>> {
    const rows = await this.knex('eci_cache_revisions').select();
    return new Map(
      rows.map(row => [`${row.cluster}\n${row.entity_ref}`, Number(row.revision)]),
    );
  }

  async setRevision(
    entityRef: string,
    cluster: string,
    revision: number,
  ): Promise<void> {
    await this.knex('eci_cache_revisions')
      .insert({ entity_ref: entityRef, cluster, revision })
      .onConflict(['entity_ref', 'cluster'])
      .merge(['revision']);
    this.wrote();
  }

  /** The last command's intent per `${cluster}\n${entityRef}`. */
  async listIntents(): Promise<Map<string, CacheIntent>> {
    const rows = await this.knex<RevisionDbRow>('eci_cache_revisions')
      .whereNotNull('cache_spec')
      .select();
    const intents = new Map<string, CacheIntent>();
    for (const row of rows) {
      const intent = intentFromRow(row);
      if (intent) intents.set(`${row.cluster}\n${row.entity_ref}`, intent);
    }
    return intents;
  }

  /**
   * Reads an entity's revision row on a cluster, locked against concurrent commands of any
   * replica, lets `decide` choose, and records its intent (the new desired revision) in the
   * same transaction.
   */
  async recordIntent<T>(
    entityRef: string,
    cluster: string,
    decide: (current: RevisionRow) => IntentDecision<T>,
  ): Promise<T> {
    const key = { entity_ref: entityRef, cluster };
    await this.knex('eci_cache_revisions')
      .insert({ ...key, revision: 0 })
      .onConflict(['entity_ref', 'cluster'])
      .ignore();
    const result = await this.knex.transaction(async trx => {
      const query = trx<RevisionDbRow>('eci_cache_revisions').where(key);
      const row = await (this.isSqlite() ? query : query.forUpdate()).first();
      const decision = decide({
        revision: Number(row?.revision ?? 0),
        intent: row ? intentFromRow(row) : undefined,
      });
      const intent = decision.record;
      if (intent) {
        await trx('eci_cache_revisions').where(key).update({
          revision: intent.revision,
          cache_name: intent.cache.metadata.name,
          cache_spec: JSON.stringify(intent.cache),
          base_key: intent.baseKey,
          requested_by: intent.requestedBy.slice(0, 255),
          requested_at: intent.requestedAt,
        });
      }
      return decision.result;
    });
    this.wrote();
    return result;
  }

  /**
   * Takes or renews the lease `name` for `holder` if it is free, expired or already theirs.
   * One conditional UPDATE, so two replicas never both succeed.
   */
  async tryAcquireLease(
    name: string,
    holder: string,
    ttlMs: number,
    now: number = Date.now(),
  ): Promise<boolean> {
    await this.knex('eci_reconcile_leases')
      .insert({ name, holder: '', expires_at_ms: 0 })
      .onConflict('name')
      .ignore();
    const updated = await this.knex('eci_reconcile_leases')
      .where({ name })
      .andWhere(free =>
        free.where({ holder }).orWhere('expires_at_ms', '<', now),
      )
      .update({ holder, expires_at_ms: now + ttlMs });
    return Number(updated) === 1;
  }

  async releaseLease(name: string, holder: string): Promise<void> {
    await this.knex('eci_reconcile_leases')
      .where({ name, holder })
      .update({ holder: '', expires_at_ms: 0 });
  }

  private isSqlite(): boolean {
    return /sqlite/.test(String(this.knex.client.config.client));
  }
}

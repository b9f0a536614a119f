import { DatabaseService } from '@backstage/backend-plugin-api';

/** One notification about one managed cache. */
export interface NotificationClaim {
  kind: 'failed' | 'expiring';
  entityRef: string;
  cluster: string;
  cacheName: string;
  recipient: string;
}

function dedupeKeyOf(claim: NotificationClaim): string {
  return `${claim.kind}/${claim.cluster}/${claim.cacheName}`;
}

/**
 * The notifications already sent, shared by every replica: whoever inserts a claim's row sends
 * it. The table comes with the plugin's migrations (run by `EciImageCacheStore.create`).
 */
export class SentNotifications {
  static async create(database: DatabaseService): Promise<SentNotifications> {
    return new SentNotifications(await database.getClient());
  }

  private constructor(
    private readonly knex: Awaited<ReturnType<DatabaseService['getClient']>>,
  ) {}

  /** True for exactly one caller per claim, across restarts and replicas. */
  async claim(claim: NotificationClaim, now = new Date()): Promise<boolean> {
    const inserted = await this.knex('eci_notifications_sent')
      .insert({
        dedupe_key: dedupeKeyOf(claim),
        entity_ref: claim.entityRef,
        cluster: claim.cluster,
        cache_name: claim.cacheName,
        kind: claim.kind,
        recipient: claim.recipient.slice(0, 255),
        sent_at: now,
      })
      .onConflict('dedupe_key')
      .ignore()
      .returning('dedupe_key');
    return inserted.length === 1;
  }

  /** Gives a claim back after its notification could not be sent, so a later check sends it. */
  async release(claim: NotificationClaim): Promise<void> {
    await this.knex('eci_notifications_sent')
      .where({ dedupe_key: dedupeKeyOf(claim) })
      .delete();
  }
}

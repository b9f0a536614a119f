import { CatalogEntities } from './CatalogEntities';

/**
 * Which entities with images changed since the last look: added, changed (new etag), or gone
 * (deleted, or the images annotation removed). The catalog offers no change stream, so each
 * look lists the etags of the entities with the images annotation and compares them. The
 * first look only takes the baseline: the scheduled full pass covers what was there before.
 */
export class CatalogChangeFeed {
  private seen: Map<string, string> | undefined;
  private readonly requeued = new Set<string>();

  constructor(private readonly entities: CatalogEntities) {}

  async changes(): Promise<string[]> {
    const current = await this.entities.listEtagsWithImages();
    const previous = this.seen;
    this.seen = current;
    if (!previous) return [];
    const changed = new Set(this.requeued);
    this.requeued.clear();
    for (const [ref, etag] of current) {
      if (previous.get(ref) !== etag) changed.add(ref);
    }
    for (const ref of previous.keys()) {
      if (!current.has(ref)) changed.add(ref);
    }
    return Array.from(changed);
  }

  /** Hands refs back (their reconcile did not happen) so that the next look returns them again. */
  requeue(entityRefs: string[]): void {
    for (const ref of entityRefs) this.requeued.add(ref);
  }
}

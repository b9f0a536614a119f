import { CatalogEntities } from '../catalog/CatalogEntities';

/** Refs per catalog request: one batch for a whole page, a few for a whole fleet. */
const BATCH = 1_000;
const MAX_REMEMBERED = 50_000;

/**
 * Whether owner entities are still in the catalog, asked in batches with the plugin's own
 * credentials (an orphan is an orphan whoever looks) and remembered for `ttlMs`.
 */
export class OwnerPresence {
  private readonly known = new Map<
    string,
    { present: boolean; expires: number }
  >();

  constructor(
    private readonly entities: CatalogEntities,
    private readonly ttlMs: number,
  ) {}

  async resolve(refs: Iterable<string>): Promise<Map<string, boolean>> {
    const now = Date.now();
    const answer = new Map<string, boolean>();
    const unknown: string[] = [];
    for (const ref of new Set(refs)) {
      const hit = this.known.get(ref);
      if (hit && hit.expires > now) answer.set(ref, hit.present);
      else unknown.push(ref);
    }
    if (this.known.size + unknown.length > MAX_REMEMBERED) this.known.clear();
    for (let start = 0; start < unknown.length; start += BATCH) {
      const batch = unknown.slice(start, start + BATCH);
      const found = await this.entities.getManyOwn(batch);
      for (const ref of batch) {
        const present = found.has(ref);
        answer.set(ref, present);
        if (this.ttlMs > 0) {
          this.known.set(ref, { present, expires: now + this.ttlMs });
        }
      }
    }
    return answer;
  }
}

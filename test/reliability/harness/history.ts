import { Knex } from 'knex';
import { historyRows } from './database';

/** One cache's expected lifecycle entries, e.g. `created`, `ready`, `rotated`, `deleted`. */
export interface ExpectedEntries {
  cluster: string;
  cacheName: string;
  actions: string[];
}

/**
 * Every expected history entry that is missing or recorded more than once, as
 * `<cluster>/<cache> <action> ×<count>`.
 */
export async function historyGaps(
  knex: Knex,
  expected: ExpectedEntries[],
): Promise<string[]> {
  const rows = await historyRows(knex);
  const counts = new Map<string, number>();
  for (const row of rows) {
    const key = `${row.cluster}/${row.cache_name} ${row.action}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const gaps: string[] = [];
  for (const cache of expected) {
    for (const action of cache.actions) {
      const key = `${cache.cluster}/${cache.cacheName} ${action}`;
      const count = counts.get(key) ?? 0;
      if (count !== 1) gaps.push(`${key} ×${count}`);
    }
  }
  return gaps;
}

export async function countHistory(
  knex: Knex,
  action: string,
): Promise<number> {
  const [{ count }] = await knex('eci_cache_history')
    .where({ action })
    .count({ count: '*' });
  return Number(count);
}

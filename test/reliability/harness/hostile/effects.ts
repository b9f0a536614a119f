import { Knex } from 'knex';
import { TestCluster } from '../clusters';
import { imageCaches, writeRequests } from '../clusterObjects';
import { pluginRowCounts, PLUGIN_TABLES } from '../database';

/** What a rejected request must not have changed: cluster writes and objects, plugin rows. */
export async function sideEffects(clusters: TestCluster[], knex: Knex) {
  return {
    clusterWrites: clusters.map(c => writeRequests(c.emulator)),
    imageCaches: clusters.map(c => imageCaches(c.emulator).length),
    rows: await pluginRowCounts(knex),
  };
}

export const NO_ROWS = Object.fromEntries(
  PLUGIN_TABLES.map(table => [table, 0]),
);

/** Whether a message names one of the words (case-insensitive). */
export function namesOneOf(message: string, names: string[]): boolean {
  const lower = message.toLowerCase();
  return names.some(name => lower.includes(name.toLowerCase()));
}

import { TestDatabaseId } from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';

/** The plugin's tables (migrations/20251128000000_init.js). */
export const PLUGIN_TABLES = [
  'eci_entity_settings',
  'eci_cache_history',
  'eci_cache_retries',
  'eci_orphan_marks',
  'eci_cache_revisions',
] as const;

/** A SQLite database in a file: what a restarted backend opens again. */
export function sqliteFile(filename: string): Knex {
  return knexFactory({
    client: 'better-sqlite3',
    connection: { filename },
    useNullAsDefault: true,
  });
}

/** A private in-memory SQLite database (one connection, so one database). */
export function sqliteMemory(): Knex {
  return knexFactory({
    client: 'better-sqlite3',
    connection: { filename: ':memory:' },
    useNullAsDefault: true,
    pool: { min: 1, max: 1 },
  });
}

const POSTGRES_ENV =
  /^BACKSTAGE_TEST_DATABASE_POSTGRES(\d+)_CONNECTION_STRING$/;

/**
 * The TestDatabases id of the PostgreSQL whose connection string is set in the environment
 * (CI sets one), or undefined: scenarios that need PostgreSQL are skipped then.
 */
export function postgresTestDatabaseId(): TestDatabaseId | undefined {
  const versions = Object.keys(process.env)
    .map(name => POSTGRES_ENV.exec(name)?.[1])
    .filter((version): version is string =>
      Boolean(
        version &&
          process.env[
            `BACKSTAGE_TEST_DATABASE_POSTGRES${version}_CONNECTION_STRING`
          ],
      ),
    )
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0
    ? (`POSTGRES_${versions[0]}` as TestDatabaseId)
    : undefined;
}

/**
 * Another connection pool to the same database, as a second backend process would open.
 * `acquireTimeoutMs` bounds how long a query waits for a connection (after a simulated crash
 * destroys the pool, queries of the dying backend fail after it).
 */
export function anotherConnection(knex: Knex, acquireTimeoutMs = 10_000): Knex {
  return knexFactory({
    ...knex.client.config,
    pool: { min: 0, max: 5, acquireTimeoutMillis: acquireTimeoutMs },
  });
}

/** Row counts of every plugin table. */
export async function pluginRowCounts(
  knex: Knex,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of PLUGIN_TABLES) {
    const [{ count }] = await knex(table).count({ count: '*' });
    counts[table] = Number(count);
  }
  return counts;
}

export interface HistoryRow {
  entity_ref: string;
  cluster: string;
  cache_name: string;
  action: string;
  dedupe_key: string | null;
}

export async function historyRows(knex: Knex): Promise<HistoryRow[]> {
  return knex('eci_cache_history').select(
    'entity_ref',
    'cluster',
    'cache_name',
    'action',
    'dedupe_key',
  );
}

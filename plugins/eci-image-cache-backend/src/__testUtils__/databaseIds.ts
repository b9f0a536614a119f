import { TestDatabaseId } from '@backstage/backend-test-utils';

/** SQLite always, plus PostgreSQL of the version CI or the developer configured (no Docker). */
export function configuredDatabaseIds(): TestDatabaseId[] {
  const postgres = Object.keys(process.env).flatMap(name => {
    const version =
      /^BACKSTAGE_TEST_DATABASE_POSTGRES(\d+)_CONNECTION_STRING$/.exec(
        name,
      )?.[1];
    return version ? [`POSTGRES_${version}` as TestDatabaseId] : [];
  });
  return [...postgres, 'SQLITE_3'];
}

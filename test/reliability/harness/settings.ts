import { EntitySettings } from '@eci-portal/plugin-eci-image-cache-common';
import { Knex } from 'knex';

const COLUMNS: Record<keyof EntitySettings, string> = {
  acrInstance: 'acr_instance',
  cacheMode: 'cache_mode',
  imageCacheSize: 'image_cache_size',
  retentionDays: 'retention_days',
  imagePullSecrets: 'image_pull_secrets',
};

/** Entities whose saved settings are missing from the plugin's table or differ from what was saved. */
export async function lostSettings(
  knex: Knex,
  saved: Map<string, EntitySettings>,
): Promise<string[]> {
  const rows: Array<Record<string, unknown>> = await knex(
    'eci_entity_settings',
  ).select();
  const byRef = new Map(rows.map(row => [String(row.entity_ref), row]));
  return Array.from(saved.entries())
    .filter(([ref, settings]) => {
      const row = byRef.get(ref);
      if (!row) return true;
      return (Object.keys(settings) as Array<keyof EntitySettings>).some(
        key => {
          const stored = row[COLUMNS[key]];
          const value =
            key === 'imagePullSecrets'
              ? JSON.stringify(settings[key])
              : settings[key];
          return key === 'imagePullSecrets' || typeof value === 'string'
            ? String(stored) !== String(value)
            : Number(stored) !== value;
        },
      );
    })
    .map(([ref]) => ref);
}

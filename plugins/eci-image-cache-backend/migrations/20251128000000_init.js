/*
 * Tables of the eci-image-cache backend plugin: per-entity settings saved through the API,
 * the lifecycle history of each entity's caches, and the reconciler's bookkeeping
 * (retry backoff of Failed caches, first sighting of orphans, refresh revisions).
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('eci_entity_settings', table => {
    table.comment('Per-entity settings saved through the API; annotations win over them');
    table.string('entity_ref', 255).primary().notNullable();
    table.string('acr_instance', 128).nullable();
    table.string('cache_mode', 16).nullable();
    table.integer('image_cache_size').nullable();
    table.integer('retention_days').nullable();
    table.text('image_pull_secrets').nullable().comment('JSON array of namespace:name');
    table.string('updated_by', 255).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
  });

  await knex.schema.createTable('eci_cache_history', table => {
    table.comment('Lifecycle events of managed ImageCaches, kept after the caches are gone');
    table.bigIncrements('id').primary();
    table.string('entity_ref', 255).notNullable();
    table.string('cluster', 63).notNullable();
    table.string('cache_name', 253).notNullable();
    table.string('image_cache_id', 64).nullable();
    table.string('action', 16).notNullable();
    table.text('message').nullable();
    table.string('actor', 255).nullable();
    table.timestamp('occurred_at', { useTz: true }).notNullable();
    table.string('dedupe_key', 400).nullable().unique();
    table.index(['entity_ref', 'occurred_at'], 'eci_cache_history_entity_idx');
  });

  await knex.schema.createTable('eci_cache_retries', table => {
    table.comment('Retry backoff of Failed managed caches');
    table.string('cluster', 63).notNullable();
    table.string('cache_name', 253).notNullable();
    table.string('entity_ref', 255).notNullable();
    table.integer('attempts').notNullable();
    table.string('failed_uid', 128).notNullable().comment('uid of the Failed object the plan is for');
    table.timestamp('next_attempt_at', { useTz: true }).notNullable();
    table.primary(['cluster', 'cache_name']);
  });

  await knex.schema.createTable('eci_orphan_marks', table => {
    table.comment('When a managed cache was first seen as no longer wanted');
    table.string('cluster', 63).notNullable();
    table.string('cache_name', 253).notNullable();
    table.string('entity_ref', 255).notNullable();
    table.string('reason', 255).notNullable();
    table.timestamp('first_seen_at', { useTz: true }).notNullable();
    table.primary(['cluster', 'cache_name']);
  });

  await knex.schema.createTable('eci_cache_revisions', table => {
    table.comment('Refresh counter per entity and cluster; part of the cache name');
    table.string('entity_ref', 255).notNullable();
    table.string('cluster', 63).notNullable();
    table.integer('revision').notNullable();
    table.primary(['entity_ref', 'cluster']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('eci_cache_revisions');
  await knex.schema.dropTable('eci_orphan_marks');
  await knex.schema.dropTable('eci_cache_retries');
  await knex.schema.dropTable('eci_cache_history');
  await knex.schema.dropTable('eci_entity_settings');
};

/*
 * Commands record intent, the reconciler writes: each entity's desired revision on a cluster
 * carries the ImageCache a cache command asked for, and one lease row serialises every
 * reconciliation across replicas (the scheduled pass and the one a command triggers).
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('eci_cache_revisions', table => {
    table.string('cache_name', 253).nullable().comment('Name of the cache the last command asked for');
    table.text('cache_spec').nullable().comment('JSON of the ImageCache the last command asked for');
    table.string('base_key', 64).nullable().comment('The entity configuration the command was made against');
    table.string('requested_by', 255).nullable();
    table.timestamp('requested_at', { useTz: true }).nullable();
  });

  await knex.schema.createTable('eci_reconcile_leases', table => {
    table.comment('Who may write ImageCaches now: one holder across all replicas');
    table.string('name', 64).primary().notNullable();
    table.string('holder', 64).notNullable();
    table.bigInteger('expires_at_ms').notNullable().comment('Epoch milliseconds; an expired lease is free');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('eci_reconcile_leases');
  await knex.schema.alterTable('eci_cache_revisions', table => {
    table.dropColumn('cache_name');
    table.dropColumn('cache_spec');
    table.dropColumn('base_key');
    table.dropColumn('requested_by');
    table.dropColumn('requested_at');
  });
};

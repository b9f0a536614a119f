/*
 * Notifications sent about managed ImageCaches: a row is claimed before a notification is sent,
 * so that a restart or a second replica never tells the owners about the same event twice.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('eci_notifications_sent', table => {
    table.comment('One row per notification sent about a managed ImageCache');
    table
      .string('dedupe_key', 400)
      .primary()
      .notNullable()
      .comment('kind/cluster/cache name');
    table.string('entity_ref', 255).notNullable();
    table.string('cluster', 63).notNullable();
    table.string('cache_name', 253).notNullable();
    table.string('kind', 16).notNullable().comment('failed or expiring');
    table
      .string('recipient', 255)
      .notNullable()
      .comment('The owner entity told');
    table.timestamp('sent_at', { useTz: true }).notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('eci_notifications_sent');
};

import type { DatabaseMigration } from '@greenroom/backend-plugin-api';

/** Framework-owned table in every plugin database that issues tokens. */
export const PLUGIN_KEYS_TABLE = 'greenroom_plugin_public_keys';
export const PLUGIN_KEYS_MIGRATIONS_TABLE = 'greenroom_plugin_public_keys_migrations';

export const pluginKeyMigrations: readonly DatabaseMigration[] = [
  {
    name: '20250101_create_plugin_public_keys',
    async up(knex) {
      await knex.schema.createTable(PLUGIN_KEYS_TABLE, table => {
        table.string('id', 255).primary().notNullable().comment('The key id (kid)');
        table.text('key').notNullable().comment('The public JWK, as JSON');
        // Epoch milliseconds: compares the same way on SQLite and PostgreSQL.
        table.bigInteger('expires_at').notNullable().index();
      });
    },
    async down(knex) {
      await knex.schema.dropTable(PLUGIN_KEYS_TABLE);
    },
  },
];

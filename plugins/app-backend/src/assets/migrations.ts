import type { DatabaseMigration } from '@greenroom/backend-plugin-api';
import { runMigrations } from '@greenroom/backend-plugin-api';
import type { Knex } from 'knex';

// Timestamps are epoch milliseconds in a bigint column: one representation on SQLite and
// PostgreSQL (pg returns bigint as a string; readers convert).
const migrations: DatabaseMigration[] = [
  {
    name: '0001_static_assets_cache',
    async up(knex) {
      await knex.schema.createTable('static_assets_cache', table => {
        // `default` for the full app, `public` for the sign-in bundle: the same file name may
        // exist in both, and only the public namespace is served without the cookie.
        table.string('namespace', 32).notNullable();
        table.string('path', 512).notNullable();
        table.binary('content').notNullable();
        table.bigInteger('last_modified_at').notNullable().index();
        table.primary(['namespace', 'path']);
      });
    },
    async down(knex) {
      await knex.schema.dropTable('static_assets_cache');
    },
  },
];

/** Brings the app plugin's database up to date. */
export async function migrateAppDatabase(knex: Knex): Promise<void> {
  await runMigrations(knex, { migrations, tableName: 'app_migrations' });
}

import type { DatabaseMigration } from '@greenroom/backend-plugin-api';
import { runMigrations } from '@greenroom/backend-plugin-api';
import type { Knex } from 'knex';

// Timestamps are epoch milliseconds in bigint columns: one representation on SQLite and
// PostgreSQL, compared as numbers (pg returns bigint as a string; readers convert).
const migrations: DatabaseMigration[] = [
  {
    name: '0001_initial',
    async up(knex) {
      await knex.schema.createTable('auth_signing_keys', table => {
        table.string('kid', 64).primary();
        // Only the public half: private keys never leave the process that made them.
        table.text('public_key').notNullable();
        table.bigInteger('created_at').notNullable().index();
      });
      await knex.schema.createTable('auth_user_info', table => {
        table.string('user_entity_ref', 255).primary();
        table.text('claims').notNullable();
        table.bigInteger('updated_at').notNullable();
      });
      await knex.schema.createTable('auth_sessions', table => {
        // sha256 of the cookie value, so a database read does not yield usable cookies.
        table.string('id', 64).primary();
        table.string('provider_id', 255).notNullable();
        table.text('data').notNullable();
        table.bigInteger('created_at').notNullable();
        table.bigInteger('updated_at').notNullable();
        table.bigInteger('expires_at').notNullable().index();
      });
      await knex.schema.createTable('auth_pending_sign_ins', table => {
        table.string('id', 64).primary();
        table.string('provider_id', 255).notNullable();
        table.text('data').notNullable();
        table.bigInteger('expires_at').notNullable().index();
      });
      await knex.schema.createTable('auth_secrets', table => {
        table.string('name', 64).primary();
        table.text('value').notNullable();
      });
    },
    async down(knex) {
      for (const table of [
        'auth_secrets',
        'auth_pending_sign_ins',
        'auth_sessions',
        'auth_user_info',
        'auth_signing_keys',
      ]) {
        await knex.schema.dropTable(table);
      }
    },
  },
];

/** Brings the auth plugin's own database up to date. */
export async function migrateAuthDatabase(knex: Knex): Promise<void> {
  await runMigrations(knex, { migrations, tableName: 'auth_migrations' });
}

/** bigint columns come back as strings from pg and numbers from SQLite. */
export function toMillis(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}

import { randomBytes } from 'node:crypto';
import { runMigrations, type DatabaseMigration } from '@greenroom/backend-plugin-api';
import type { Knex } from 'knex';
import { MIGRATIONS_TABLE, TABLES } from './tables';

// Why this shape: see README.md in this folder.
const migrations: DatabaseMigration[] = [
  {
    name: '0001_final_entities_search_relations',
    async up(knex) {
      await knex.schema.createTable(TABLES.entities, table => {
        table.string('entity_id', 255).primary();
        table.string('entity_ref', 800).notNullable().unique();
        table.string('kind', 255).notNullable();
        table.string('namespace', 255).notNullable();
        table.string('name', 255).notNullable();
        table.text('full_text').notNullable();
        table.text('final_entity').notNullable();
        table.string('hash', 128).notNullable();
        table.bigInteger('updated_at').notNullable();
        table.index(['kind', 'namespace', 'name'], 'final_entities_kind_namespace_name_idx');
        // by-query's default order is the uid: a kind filter then reads one page, not a sort.
        table.index(['kind', 'entity_id'], 'final_entities_kind_entity_id_idx');
        table.index(['namespace'], 'final_entities_namespace_idx');
        table.index(['name'], 'final_entities_name_idx');
      });
      await knex.schema.createTable(TABLES.search, table => {
        table
          .string('entity_id', 255)
          .notNullable()
          .references('entity_id')
          .inTable(TABLES.entities)
          .onDelete('CASCADE');
        table.string('key', 200).notNullable();
        table.string('value', 200).nullable();
        table.string('original_value', 200).nullable();
        // Filters look up (key, value) and facets group by the original value: both are
        // answered from this index alone, without touching the table.
        table.index(['key', 'value', 'original_value', 'entity_id'], 'entity_search_key_value_idx');
        // Deletes by entity, and ordering by a key (a MIN over one entity's rows of that key).
        table.index(['entity_id', 'key', 'value'], 'entity_search_entity_id_key_idx');
      });
      await knex.schema.createTable(TABLES.relations, table => {
        table
          .string('entity_id', 255)
          .notNullable()
          .references('entity_id')
          .inTable(TABLES.entities)
          .onDelete('CASCADE');
        table.string('source_entity_ref', 800).notNullable();
        table.string('type', 255).notNullable();
        table.string('target_entity_ref', 800).notNullable();
        table.index(['type', 'target_entity_ref', 'entity_id'], 'relations_type_target_idx');
        table.index(['entity_id'], 'relations_entity_id_idx');
      });
      await knex.schema.createTable(TABLES.secrets, table => {
        table.string('name', 64).primary();
        table.text('value').notNullable();
      });
      // Shared by every instance on this database, so a cursor from one validates on another.
      await knex(TABLES.secrets).insert({
        name: 'cursor_signing_key',
        value: randomBytes(32).toString('base64'),
      });
    },
    async down(knex) {
      await knex.schema.dropTable(TABLES.secrets);
      await knex.schema.dropTable(TABLES.relations);
      await knex.schema.dropTable(TABLES.search);
      await knex.schema.dropTable(TABLES.entities);
    },
  },
  {
    // The ingestion engine's memory between runs (see src/processing/README.md).
    name: '0002_entity_sources',
    async up(knex) {
      await knex.schema.createTable('entity_sources', table => {
        table.string('entity_ref', 800).primary();
        table.string('entity_id', 255).notNullable().unique();
        table.text('location_key').notNullable();
      });
    },
    async down(knex) {
      await knex.schema.dropTable('entity_sources');
    },
  },
  {
    // Locations registered through `POST /locations` (see src/locations/).
    name: '0003_locations',
    async up(knex) {
      await knex.schema.createTable('locations', table => {
        table.string('id', 36).primary();
        table.string('type', 64).notNullable();
        table.text('target').notNullable();
        // sha256 of `type:target`: a unique index on the long target itself would not fit
        // PostgreSQL's btree row limit.
        table.string('key_hash', 64).notNullable().unique();
        table.bigInteger('created_at').notNullable();
      });
    },
    async down(knex) {
      await knex.schema.dropTable('locations');
    },
  },
];

/** Brings the catalog's tables up to date. */
export async function applyCatalogMigrations(knex: Knex): Promise<void> {
  await runMigrations(knex, { migrations, tableName: MIGRATIONS_TABLE });
}

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
  {
    // The database-driven engine (see src/processing/README.md): its queue, graph and cache.
    name: '0004_refresh_state',
    async up(knex) {
      // The previous engine's entities are produced again by this one within its first batches;
      // left in place, those it never produces again would stay in the catalog for good.
      if (await knex.schema.hasTable('entity_sources')) {
        const managed = knex('entity_sources').select('entity_id');
        await knex(TABLES.search).whereIn('entity_id', managed).delete();
        await knex(TABLES.relations).whereIn('entity_id', managed).delete();
        await knex(TABLES.entities).whereIn('entity_id', managed).delete();
      }
      await knex.schema.dropTableIfExists('entity_sources');
      await knex.schema.createTable(TABLES.refreshState, table => {
        table.string('entity_id', 36).primary();
        table.string('entity_ref', 800).notNullable().unique();
        table.text('unprocessed_entity').notNullable();
        table.string('unprocessed_hash', 64).notNullable();
        table.text('processed_entity').nullable();
        table.string('result_hash', 64).nullable();
        table.text('cache').nullable();
        table.text('errors').nullable();
        table.text('location_key').nullable();
        // The provider that emitted a root; children are linked through references instead.
        table.string('source_key', 255).nullable();
        table.bigInteger('next_update_at').notNullable();
        table.bigInteger('last_discovery_at').notNullable();
        table.index(['next_update_at'], 'refresh_state_next_update_at_idx');
      });
      await knex.schema.createTable(TABLES.references, table => {
        table.increments('id');
        // Exactly one of the two: a provider name (roots) or the parent entity ref.
        table.string('source_key', 255).nullable();
        table.string('source_entity_ref', 800).nullable();
        table.string('target_entity_ref', 800).notNullable();
        // The file the child was read from, so an unchanged or unreadable one keeps its children.
        table.text('via').nullable();
        // Emission order, so a parent lists its rejected children's errors in file order.
        table.integer('position').notNullable().defaultTo(0);
        table.index(['source_entity_ref'], 'refresh_state_references_source_entity_ref_idx');
        table.index(['source_key'], 'refresh_state_references_source_key_idx');
        table.index(['target_entity_ref'], 'refresh_state_references_target_entity_ref_idx');
      });
      await knex.schema.createTable(TABLES.processedRelations, table => {
        table.string('originating_entity_id', 36).notNullable();
        table.string('source_entity_ref', 800).notNullable();
        table.string('type', 255).notNullable();
        table.string('target_entity_ref', 800).notNullable();
        table.index(['originating_entity_id'], 'processed_relations_originating_idx');
        table.index(['source_entity_ref'], 'processed_relations_source_idx');
      });
      await knex.schema.createTable(TABLES.refreshKeys, table => {
        table.string('entity_id', 36).notNullable();
        table.string('key', 800).notNullable();
        table.index(['entity_id'], 'refresh_keys_entity_id_idx');
        table.index(['key'], 'refresh_keys_key_idx');
      });
    },
    async down(knex) {
      await knex.schema.dropTable(TABLES.refreshKeys);
      await knex.schema.dropTable(TABLES.processedRelations);
      await knex.schema.dropTable(TABLES.references);
      await knex.schema.dropTable(TABLES.refreshState);
    },
  },
  {
    name: '0005_stitch_queue_and_part_hashes',
    async up(knex) {
      // Hashes of an entity's search rows and relations, so a restitch that changes neither
      // (a group gaining a relation changes only its relations) does not delete and insert
      // the same rows again.
      await knex.schema.alterTable(TABLES.entities, table => {
        table.string('search_hash', 64).nullable();
        table.string('relations_hash', 64).nullable();
      });
      // Entities waiting to be stitched, written in the transaction that changed what they are
      // stitched from, so a restart does not lose a deferred restitch. Append-only (no unique
      // key), so concurrent batches never wait on each other's rows here.
      await knex.schema.createTable(TABLES.stitchQueue, table => {
        table.bigIncrements('id');
        table.string('entity_ref', 800).notNullable();
        // The batch that queued it: the batch removes its own rows once it stitched them.
        table.string('batch', 36).notNullable();
        table.index(['batch'], 'stitch_queue_batch_idx');
      });
    },
    async down(knex) {
      await knex.schema.dropTable(TABLES.stitchQueue);
      await knex.schema.alterTable(TABLES.entities, table => {
        table.dropColumn('search_hash');
        table.dropColumn('relations_hash');
      });
    },
  },
];

/** Brings the catalog's tables up to date. */
export async function applyCatalogMigrations(knex: Knex): Promise<void> {
  await runMigrations(knex, { migrations, tableName: MIGRATIONS_TABLE });
}

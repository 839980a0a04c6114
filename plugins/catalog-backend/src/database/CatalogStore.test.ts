import { TestDatabases } from '@greenroom/backend-test-utils';
import type { Entity } from '@greenroom/catalog-model';
import type { Knex } from 'knex';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCatalogStore, type CatalogStore } from './CatalogStore';
import { applyCatalogMigrations } from './migrations';
import { TABLES } from './tables';

const databases = TestDatabases.create();

function group(name: string, owns: string[], description = 'a team'): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, uid: `uid-${name}`, description },
    spec: { type: 'team', children: [] },
    relations: owns.map(c => ({ type: 'ownerOf', targetRef: `component:default/${c}` })),
  };
}

describe.each(databases.eachSupportedId())('CatalogStore on %s', id => {
  let knex: Knex;
  let store: CatalogStore;

  beforeAll(async () => {
    knex = await databases.init(id);
    await applyCatalogMigrations(knex);
    store = createCatalogStore(knex);
  });

  // A marker written behind the store's back survives exactly when the store left that
  // part of the entity alone.
  async function markSearchRows(uid: string) {
    await knex(TABLES.search)
      .where({ entity_id: uid, key: 'spec.type' })
      .update({ original_value: 'MARK' });
  }
  const searchMarked = async (uid: string) =>
    (await knex(TABLES.search).where({ entity_id: uid, original_value: 'MARK' })).length === 1;
  const relationTargets = async (uid: string) =>
    (await knex(TABLES.relations).where({ entity_id: uid }).orderBy('target_entity_ref')).map(
      r => r.target_entity_ref,
    );

  it('rewrites only the relation rows when only the relations changed', async () => {
    await store.upsertFinalEntities([{ entity: group('team-a', ['one']) }]);
    await markSearchRows('uid-team-a');

    await store.upsertFinalEntities([{ entity: group('team-a', ['one', 'two']) }]);

    expect(await searchMarked('uid-team-a')).toBe(true);
    expect(await relationTargets('uid-team-a')).toEqual([
      'component:default/one',
      'component:default/two',
    ]);
    const stored = await knex(TABLES.entities).where({ entity_id: 'uid-team-a' }).first();
    expect(JSON.parse(stored.final_entity).relations).toHaveLength(2);
  });

  it('rewrites the search rows when a searchable field changed, and keeps the relations', async () => {
    await store.upsertFinalEntities([{ entity: group('team-b', ['one']) }]);
    await markSearchRows('uid-team-b');
    await knex(TABLES.relations)
      .where({ entity_id: 'uid-team-b' })
      .update({ source_entity_ref: 'group:default/marked' });

    await store.upsertFinalEntities([{ entity: group('team-b', ['one'], 'a renamed team') }]);

    expect(await searchMarked('uid-team-b')).toBe(false);
    const description = await knex(TABLES.search)
      .where({ entity_id: 'uid-team-b', key: 'metadata.description' })
      .first();
    expect(description.value).toBe('a renamed team');
    const relation = await knex(TABLES.relations).where({ entity_id: 'uid-team-b' }).first();
    expect(relation.source_entity_ref).toBe('group:default/marked');
  });

  it('rewrites both parts of a row written before the part hashes existed', async () => {
    await store.upsertFinalEntities([{ entity: group('team-c', ['one']) }]);
    await markSearchRows('uid-team-c');
    await knex(TABLES.entities)
      .where({ entity_id: 'uid-team-c' })
      .update({ search_hash: null, relations_hash: null });
    await knex(TABLES.relations).where({ entity_id: 'uid-team-c' }).delete();

    await store.upsertFinalEntities([{ entity: group('team-c', ['one']) }]);

    expect(await searchMarked('uid-team-c')).toBe(false);
    expect(await relationTargets('uid-team-c')).toEqual(['component:default/one']);
  });
});

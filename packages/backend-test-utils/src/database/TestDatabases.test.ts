import { describe, expect, inject, it } from 'vitest';
import { TestDatabases } from './TestDatabases';

const databases = TestDatabases.create();

describe('TestDatabases', () => {
  it('offers PostgreSQL exactly when the run has a server', () => {
    const hasServer = inject('greenroomTestPostgresUrl') !== null;
    expect(databases.eachSupportedId()).toEqual(hasServer ? ['SQLITE', 'POSTGRES'] : ['SQLITE']);
    expect(databases.supports('SQLITE')).toBe(true);
  });

  describe.each(databases.eachSupportedId())('on %s', databaseId => {
    it('hands out a brand-new, empty database on every call', async () => {
      const first = await databases.init(databaseId);
      const second = await databases.init(databaseId);
      await first.schema.createTable('things', table => table.string('id'));
      await first('things').insert({ id: 'a' });

      expect(await first('things').pluck('id')).toEqual(['a']);
      expect(await second.schema.hasTable('things')).toBe(false);
    });

    it('enforces foreign keys', async () => {
      const knex = await databases.init(databaseId);
      await knex.schema.createTable('parents', table => table.string('id').primary());
      await knex.schema.createTable('children', table => {
        table.string('id').primary();
        table.string('parent_id').notNullable().references('id').inTable('parents');
      });
      await expect(knex('children').insert({ id: 'c', parent_id: 'missing' })).rejects.toThrow(
        /foreign key/i,
      );
    });
  });
});

describe.runIf(databases.supports('POSTGRES'))('TestDatabases cleanup on POSTGRES', () => {
  const local = TestDatabases.create();

  it('drops the databases it made, including those made from configFor()', async () => {
    const observer = await databases.init('POSTGRES');
    const made = await local.init('POSTGRES');
    const madeName: string = (await made.raw('SELECT current_database() AS name')).rows[0].name;

    const config = local.configFor('POSTGRES');
    const prefix = String(config.prefix);
    expect(prefix).toMatch(/^greenroom_test_[0-9a-f]{12}_$/);
    expect(local.configFor('POSTGRES').prefix).not.toBe(prefix);
    // Stands in for a database the DatabaseManager would create from that config.
    await observer.raw('CREATE DATABASE ??', [`${prefix}catalog`]);

    const exists = async (name: string) =>
      (await observer.raw('SELECT 1 FROM pg_database WHERE datname = ?', [name])).rows.length === 1;
    expect(await exists(madeName)).toBe(true);
    expect(await exists(`${prefix}catalog`)).toBe(true);

    await local.destroy();

    expect(await exists(madeName)).toBe(false);
    expect(await exists(`${prefix}catalog`)).toBe(false);
  });

  it('gives a config pointing at the run server with a unique prefix', () => {
    const config = databases.configFor('POSTGRES');
    expect(config.client).toBe('pg');
    expect(String(config.connection)).toBe(inject('greenroomTestPostgresUrl'));
  });
});

describe('TestDatabases on SQLITE config', () => {
  it('gives an in-memory SQLite config', () => {
    expect(databases.configFor('SQLITE')).toEqual({
      client: 'better-sqlite3',
      connection: ':memory:',
    });
  });
});

import { createTestLogger, TestDatabases } from '@greenroom/backend-test-utils';
import { ConfigReader, type JsonObject } from '@greenroom/config';
import type { Knex } from 'knex';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseManager } from './DatabaseManager';

const databases = TestDatabases.create();
const managers: DatabaseManager[] = [];
let observer: Knex;

function managerFor(database: JsonObject, logger = createTestLogger()) {
  const manager = DatabaseManager.fromConfig(new ConfigReader({ backend: { database } }), {
    logger,
  });
  managers.push(manager);
  return manager;
}

async function databaseExists(name: string): Promise<boolean> {
  return (
    (await observer.raw('SELECT 1 FROM pg_database WHERE datname = ?', [name])).rows.length === 1
  );
}

async function sessionOf(knex: Knex) {
  const { rows } = await knex.raw(
    "SELECT current_database() AS database, current_schema() AS schema, current_setting('application_name') AS app",
  );
  return rows[0] as { database: string; schema: string; app: string };
}

describe.runIf(databases.supports('POSTGRES'))('DatabaseManager on PostgreSQL', () => {
  beforeAll(async () => {
    observer = await databases.init('POSTGRES');
  });

  afterEach(async () => {
    await Promise.all(managers.splice(0).map(manager => manager.destroy()));
  });

  it('creates database <prefix><pluginId> and names the session after the plugin', async () => {
    const config = databases.configFor('POSTGRES');
    const knex = await managerFor(config).forPlugin('catalog').getClient();

    expect(await sessionOf(knex)).toEqual({
      database: `${config.prefix}catalog`,
      schema: 'public',
      app: 'backstage_plugin_catalog',
    });
    await knex.schema.createTable('entities', table => table.string('id'));
    const search = await managerFor(config).forPlugin('search').getClient();
    expect(await search.schema.hasTable('entities')).toBe(false);
  });

  it('ignores the database of the base connection in database mode', async () => {
    const config = databases.configFor('POSTGRES');
    const url = new URL(String(config.connection));
    url.pathname = '/some_base_db';
    const knex = await managerFor({ ...config, connection: url.toString() })
      .forPlugin('catalog')
      .getClient();
    expect((await sessionOf(knex)).database).toBe(`${config.prefix}catalog`);
    expect(await databaseExists('some_base_db')).toBe(false);
  });

  it('lets two instances create the same database at the same time', async () => {
    const config = databases.configFor('POSTGRES');
    const [first, second] = await Promise.all([
      managerFor(config).forPlugin('catalog').getClient(),
      managerFor(config).forPlugin('catalog').getClient(),
    ]);
    expect((await sessionOf(first)).database).toBe(`${config.prefix}catalog`);
    expect((await sessionOf(second)).database).toBe(`${config.prefix}catalog`);
  });

  it('uses the database a plugin connection names, and keeps a chosen application_name', async () => {
    const config = databases.configFor('POSTGRES');
    const own = `${config.prefix}own`;
    const manager = managerFor({
      ...config,
      plugin: { catalog: { connection: { database: own, application_name: 'my_catalog' } } },
    });
    const knex = await manager.forPlugin('catalog').getClient();
    expect(await sessionOf(knex)).toMatchObject({ database: own, app: 'my_catalog' });
    expect(await databaseExists(`${config.prefix}catalog`)).toBe(false);
  });

  it('does not create a missing database when ensureExists is false', async () => {
    const config = databases.configFor('POSTGRES');
    const knex = await managerFor({ ...config, ensureExists: false })
      .forPlugin('catalog')
      .getClient();
    await expect(knex.raw('SELECT 1')).rejects.toThrow(
      `database "${config.prefix}catalog" does not exist`,
    );
    expect(await databaseExists(`${config.prefix}catalog`)).toBe(false);
  });

  it('gives each plugin a schema in one shared database in schema mode', async () => {
    const config = databases.configFor('POSTGRES');
    const base = `${config.prefix}shared`;
    const connection = { connectionString: String(config.connection), database: base };
    const manager = managerFor({ ...config, connection, pluginDivisionMode: 'schema' });

    const catalog = await manager.forPlugin('catalog').getClient();
    const search = await manager.forPlugin('search').getClient();
    expect(await sessionOf(catalog)).toEqual({
      database: base,
      schema: `${config.prefix}catalog`,
      app: 'backstage_plugin_catalog',
    });
    expect((await sessionOf(search)).schema).toBe(`${config.prefix}search`);

    // The same table name in both plugins, each in its own schema.
    await catalog.schema.createTable('documents', table => table.string('id'));
    await search.schema.createTable('documents', table => table.string('id'));
    await catalog('documents').insert({ id: 'from-catalog' });
    expect(await search('documents').pluck('id')).toEqual([]);
    const { rows } = await catalog.raw(
      "SELECT table_schema FROM information_schema.tables WHERE table_name = 'documents' ORDER BY 1",
    );
    expect(rows.map((row: { table_schema: string }) => row.table_schema)).toEqual([
      `${config.prefix}catalog`,
      `${config.prefix}search`,
    ]);
  });

  it('caps a long schema name at 63 bytes', async () => {
    const config = databases.configFor('POSTGRES');
    const base = `${config.prefix}shared`;
    const pluginId = 'a-plugin-with-an-unusually-long-identifier-for-testing';
    const manager = managerFor({
      ...config,
      connection: { connectionString: String(config.connection), database: base },
      pluginDivisionMode: 'schema',
    });
    const knex = await manager.forPlugin(pluginId).getClient();
    const expected = `${config.prefix}${pluginId}`.slice(0, 63);
    expect((await sessionOf(knex)).schema).toBe(expected);
    await knex.schema.createTable('t', table => table.string('id'));
    expect(await knex.schema.hasTable('t')).toBe(true);
  });

  it('applies knexConfig pool settings per plugin over the defaults', async () => {
    const config = databases.configFor('POSTGRES');
    const manager = managerFor({
      ...config,
      plugin: { catalog: { knexConfig: { pool: { max: 9 } } } },
    });
    const catalog = await manager.forPlugin('catalog').getClient();
    const search = await manager.forPlugin('search').getClient();
    expect(catalog.client.pool.max).toBe(9);
    expect(catalog.client.pool.min).toBe(0);
    expect(search.client.pool.max).toBe(4);
  });

  it('never puts the password in an error or a log line', async () => {
    const logger = createTestLogger();
    // Nothing listens on port 1: the connection fails.
    const manager = managerFor(
      { client: 'pg', connection: 'postgres://someone:hunter2-secret@127.0.0.1:1/postgres' },
      logger,
    );
    const database = manager.forPlugin('catalog');
    const error = await database.getClient().then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(Error);
    expect(`${error?.message} ${error?.stack}`).not.toContain('hunter2');
    expect(JSON.stringify(logger.lines)).not.toContain('hunter2');

    expect(() =>
      managerFor({ client: 'pg', connection: 'host=db password=hunter2-secret' }).forPlugin(
        'catalog',
      ),
    ).toThrow(/^(?!.*hunter2).*must be a postgres:\/\/ or postgresql:\/\/ URL/);
  });
});

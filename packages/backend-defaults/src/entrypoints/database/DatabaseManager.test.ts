import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createTestLogger } from '@greenroom/backend-test-utils';
import { ConfigReader, type JsonObject } from '@greenroom/config';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseManager } from './DatabaseManager';

function managerFor(database: JsonObject | undefined, logger = createTestLogger()) {
  const manager = DatabaseManager.fromConfig(
    new ConfigReader(database ? { backend: { database } } : { backend: {} }),
    { logger },
  );
  managers.push(manager);
  return manager;
}

const managers: DatabaseManager[] = [];
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'greenroom-db-'));
});

afterEach(async () => {
  await Promise.all(managers.splice(0).map(manager => manager.destroy()));
  await rm(dir, { recursive: true, force: true });
});

describe('DatabaseManager on SQLite', () => {
  it('defaults to in-memory SQLite and warns that nothing is persisted', async () => {
    const logger = createTestLogger();
    const manager = managerFor(undefined, logger);

    const warnings = logger.lines.filter(line => line.level === 'warn');
    expect(warnings).toHaveLength(1);
    expect(warnings[0].message).toMatch(/in-memory SQLite.*NOT persisted/);

    const knex = await manager.forPlugin('catalog').getClient();
    expect(knex.client.config.client).toBe('better-sqlite3');
    expect(knex.client.config.connection).toEqual({ filename: ':memory:' });
  });

  it('does not warn when a connection is configured', () => {
    const logger = createTestLogger();
    managerFor({ client: 'better-sqlite3', connection: { directory: dir } }, logger);
    expect(logger.lines).toEqual([]);
  });

  it('gives every plugin its own in-memory database, and one client per plugin', async () => {
    const manager = managerFor({ client: 'better-sqlite3', connection: ':memory:' });
    const catalog = manager.forPlugin('catalog');
    expect(manager.forPlugin('catalog')).toBe(catalog);

    const catalogDb = await catalog.getClient();
    expect(await catalog.getClient()).toBe(catalogDb);
    await catalogDb.schema.createTable('entities', table => table.string('id'));

    const scaffolderDb = await manager.forPlugin('scaffolder').getClient();
    expect(await scaffolderDb.schema.hasTable('entities')).toBe(false);
  });

  it('stores each plugin in <directory>/<pluginId>.sqlite, in WAL mode with foreign keys on, and keeps the data', async () => {
    const directory = join(dir, 'nested', 'data');
    const config = { client: 'better-sqlite3', connection: { directory } };
    const knex = await managerFor(config).forPlugin('catalog').getClient();

    expect(await readdir(directory)).toContain('catalog.sqlite');
    expect(await knex.raw('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    expect(await knex.raw('PRAGMA foreign_keys')).toEqual([{ foreign_keys: 1 }]);
    // NORMAL (1): no fsync per commit under WAL.
    expect(await knex.raw('PRAGMA synchronous')).toEqual([{ synchronous: 1 }]);

    await knex.schema.createTable('entities', table => table.string('id'));
    await knex('entities').insert({ id: 'component:default/a' });
    await knex.destroy();

    // A new manager (a restarted backend) sees the same data.
    const reopened = await managerFor(config).forPlugin('catalog').getClient();
    expect(await reopened('entities').pluck('id')).toEqual(['component:default/a']);
  });

  it('resolves a relative directory against the working directory', async () => {
    const directory = relative(process.cwd(), join(dir, 'relative'));
    expect(directory.startsWith('/')).toBe(false);
    await managerFor({ client: 'better-sqlite3', connection: { directory } })
      .forPlugin('auth')
      .getClient();
    expect(await readdir(join(dir, 'relative'))).toEqual(expect.arrayContaining(['auth.sqlite']));
  });

  it('opens nothing until getClient() is called', async () => {
    const directory = join(dir, 'lazy');
    const manager = managerFor({ client: 'better-sqlite3', connection: { directory } });
    manager.forPlugin('catalog');
    await expect(readdir(directory)).rejects.toThrow(/ENOENT/);

    await manager.forPlugin('search').getClient();
    expect(await readdir(directory)).toEqual(expect.arrayContaining(['search.sqlite']));
    expect(await readdir(directory)).not.toContain('catalog.sqlite');
  });

  it('lets a plugin use its own file', async () => {
    const filename = join(dir, 'special.db');
    const manager = managerFor({
      client: 'better-sqlite3',
      connection: ':memory:',
      plugin: { techdocs: { connection: { filename } } },
    });
    const knex = await manager.forPlugin('techdocs').getClient();
    expect(knex.client.config.connection).toEqual({ filename });
    expect(await readdir(dir)).toContain('special.db');
  });

  it('accepts the Backstage client name sqlite3 as an alias', async () => {
    const knex = await managerFor({ client: 'sqlite3', connection: ':memory:' })
      .forPlugin('catalog')
      .getClient();
    expect(knex.client.config.client).toBe('better-sqlite3');
  });

  it('refuses schema division mode on SQLite', () => {
    const manager = managerFor({
      client: 'better-sqlite3',
      connection: ':memory:',
      pluginDivisionMode: 'schema',
    });
    expect(() => manager.forPlugin('catalog')).toThrow(
      "backend.database.pluginDivisionMode 'schema' is only supported on PostgreSQL (client 'pg'); plugin 'catalog' uses SQLite",
    );
  });

  it('refuses one shared file for all plugins', () => {
    expect(() =>
      managerFor({ client: 'better-sqlite3', connection: join(dir, 'all.sqlite') }).forPlugin(
        'catalog',
      ),
    ).toThrow(/use ':memory:' or \{ directory: <dir> \}/);
    expect(() =>
      managerFor({
        client: 'better-sqlite3',
        connection: { filename: join(dir, 'all.sqlite') },
      }).forPlugin('catalog'),
    ).toThrow(/a single file for all plugins is not supported/);
  });

  it('rejects an invalid division mode and an invalid plugin connection', () => {
    expect(() => managerFor({ pluginDivisionMode: 'table' }).forPlugin('catalog')).toThrow(
      "Invalid backend.database.pluginDivisionMode 'table': use 'database' or 'schema'",
    );
    expect(() =>
      managerFor({ plugin: { catalog: { connection: { host: 'x' } } } }).forPlugin('catalog'),
    ).toThrow(/Invalid backend.database.plugin.catalog.connection for SQLite/);
    expect(() => managerFor({ connection: 42 }).forPlugin('catalog')).toThrow(
      'Invalid backend.database.connection: expected a string or an object',
    );
  });

  it('names the client and the plugin when the client is unsupported', () => {
    expect(() => managerFor({ client: 'mysql2' }).forPlugin('catalog')).toThrow(
      "Unsupported database client type 'mysql2' specified for plugin 'catalog'",
    );
    const manager = managerFor({
      client: 'better-sqlite3',
      plugin: { search: { client: 'oracledb' } },
    });
    expect(() => manager.forPlugin('catalog')).not.toThrow();
    expect(() => manager.forPlugin('search')).toThrow(
      "Unsupported database client type 'oracledb' specified for plugin 'search'",
    );
  });

  it('exposes skipMigrations, with per-plugin overrides', () => {
    const manager = managerFor({
      connection: ':memory:',
      skipMigrations: true,
      plugin: { catalog: { skipMigrations: false } },
    });
    expect(manager.forPlugin('catalog').migrations).toEqual({ skip: false });
    expect(manager.forPlugin('search').migrations).toEqual({ skip: true });
    expect(managerFor({ connection: ':memory:' }).forPlugin('search').migrations).toEqual({
      skip: false,
    });
  });

  it('merges knexConfig, the plugin level over the base level', async () => {
    const manager = managerFor({
      connection: ':memory:',
      knexConfig: { acquireConnectionTimeout: 1234, asyncStackTraces: true },
      plugin: { catalog: { knexConfig: { acquireConnectionTimeout: 4321 } } },
    });
    const catalog = await manager.forPlugin('catalog').getClient();
    const search = await manager.forPlugin('search').getClient();
    expect(catalog.client.config.acquireConnectionTimeout).toBe(4321);
    expect(catalog.client.config.asyncStackTraces).toBe(true);
    expect(search.client.config.acquireConnectionTimeout).toBe(1234);
  });

  it('closes a plugin client on destroyPlugin and refuses new ones', async () => {
    const manager = managerFor({ connection: ':memory:' });
    const database = manager.forPlugin('catalog');
    const knex = await database.getClient();
    await manager.destroyPlugin('catalog');

    await expect(knex.raw('SELECT 1')).rejects.toThrow();
    await expect(database.getClient()).rejects.toThrow(
      "The database client of plugin 'catalog' was shut down",
    );
  });
});

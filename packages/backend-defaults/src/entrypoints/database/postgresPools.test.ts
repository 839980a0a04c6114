import { createTestLogger, TestDatabases } from '@greenroom/backend-test-utils';
import { ConfigReader } from '@greenroom/config';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POSTGRES_POOL } from './connectors/postgres';
import { DatabaseManager } from './DatabaseManager';

const databases = TestDatabases.create();

describe.runIf(databases.supports('POSTGRES'))('PostgreSQL pools', () => {
  let observer: Knex;
  let manager: DatabaseManager;
  let prefix: string;

  beforeAll(async () => {
    observer = await databases.init('POSTGRES');
    const config = databases.configFor('POSTGRES');
    prefix = String(config.prefix);
    manager = DatabaseManager.fromConfig(new ConfigReader({ backend: { database: config } }), {
      logger: createTestLogger(),
    });
  });

  afterAll(async () => {
    await manager?.destroy();
  });

  /** Connections per application_name, counted on the server, limited to this test's databases. */
  async function connectionsByApplication(): Promise<Map<string, number>> {
    const { rows } = await observer.raw(
      'SELECT application_name AS app, count(*)::int AS n FROM pg_stat_activity WHERE starts_with(datname, ?) GROUP BY 1',
      [prefix],
    );
    return new Map(rows.map((row: { app: string; n: number }) => [row.app, row.n]));
  }

  it('opens no connection and no database for a plugin that never calls getClient()', async () => {
    const idle = manager.forPlugin('idle');
    const busy = manager.forPlugin('busy');
    expect(idle.migrations).toEqual({ skip: false });

    const knex = await busy.getClient();
    await knex.raw('SELECT 1');

    const connections = await connectionsByApplication();
    expect(connections.get('backstage_plugin_busy')).toBeGreaterThan(0);
    expect(connections.get('backstage_plugin_idle')).toBeUndefined();
    const { rows } = await observer.raw(
      'SELECT datname FROM pg_database WHERE starts_with(datname, ?)',
      [prefix],
    );
    expect(rows.map((row: { datname: string }) => row.datname)).toEqual([`${prefix}busy`]);
  });

  it('keeps ten plugins, each hammered with 50 concurrent queries, within 10 x max connections', async () => {
    const pluginIds = Array.from({ length: 10 }, (_, i) => `hammer${i}`);
    const clients = await Promise.all(pluginIds.map(id => manager.forPlugin(id).getClient()));

    const peaks = new Map<string, number>();
    let peakTotal = 0;
    let done = false;
    const sampling = (async () => {
      while (!done) {
        const connections = await connectionsByApplication();
        let total = 0;
        for (const id of pluginIds) {
          const n = connections.get(`backstage_plugin_${id}`) ?? 0;
          total += n;
          peaks.set(id, Math.max(peaks.get(id) ?? 0, n));
        }
        peakTotal = Math.max(peakTotal, total);
      }
    })();

    const results = await Promise.allSettled(
      clients.flatMap(knex =>
        Array.from({ length: 50 }, (_, i) => knex.raw('SELECT ?::int AS i, pg_sleep(0.01)', [i])),
      ),
    );
    done = true;
    await sampling;

    expect(results.filter(result => result.status === 'rejected')).toEqual([]);
    expect(results).toHaveLength(500);
    expect(peakTotal).toBeLessThanOrEqual(10 * DEFAULT_POSTGRES_POOL.max);
    for (const id of pluginIds) {
      expect(peaks.get(id)).toBeLessThanOrEqual(DEFAULT_POSTGRES_POOL.max);
    }
    // The sampler did see the pools at work (the bound above is not vacuous).
    expect(Math.max(...peaks.values())).toBe(DEFAULT_POSTGRES_POOL.max);
  });
});

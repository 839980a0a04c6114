import type { DatabaseService } from '@greenroom/backend-plugin-api';
import { TestDatabases } from '@greenroom/backend-test-utils';
import { createLocalJWKSet, jwtVerify, SignJWT } from 'jose';
import type { Knex } from 'knex';
import { describe, expect, it } from 'vitest';
import { DatabasePluginKeySource } from './DatabasePluginKeySource';
import { PLUGIN_KEYS_TABLE } from './migrations';

const databases = TestDatabases.create();
const HOUR = 60 * 60 * 1000;

describe.each(databases.eachSupportedId())('DatabasePluginKeySource on %s', databaseId => {
  async function setup() {
    const knex = await databases.init(databaseId);
    const database: DatabaseService = { getClient: async () => knex };
    let now = Date.UTC(2030, 0, 1);
    const clock = {
      now: () => now,
      advance: (ms: number) => {
        now += ms;
      },
    };
    const source = () =>
      new DatabasePluginKeySource({ database, now: clock.now, keyDurationMs: HOUR });
    return { knex, clock, source };
  }

  async function sign(source: DatabasePluginKeySource) {
    const { key, kid, alg } = await source.getPrivateSigningKey();
    return new SignJWT({ sub: 'p' }).setProtectedHeader({ alg, kid }).sign(key);
  }

  async function storedKeyIds(knex: Knex) {
    return (await knex(PLUGIN_KEYS_TABLE).select('id')).map((row: { id: string }) => row.id).sort();
  }

  it('makes a key on first use and publishes only its public half', async () => {
    const { knex, source } = await setup();
    const keys = source();
    expect(await knex.schema.hasTable(PLUGIN_KEYS_TABLE)).toBe(false);
    const signing = await keys.getPrivateSigningKey();
    expect(signing.alg).toBe('ES256');
    const { keys: published } = await keys.listKeys();
    expect(published).toEqual([
      {
        kty: 'EC',
        crv: 'P-256',
        x: expect.any(String),
        y: expect.any(String),
        kid: signing.kid,
        alg: 'ES256',
        use: 'sig',
      },
    ]);
    await expect(
      jwtVerify(await sign(keys), createLocalJWKSet({ keys: published })),
    ).resolves.toBeDefined();
  });

  it('signs with one key per period and keeps older public keys for three periods', async () => {
    const { knex, clock, source } = await setup();
    const keys = source();
    const first = await keys.getPrivateSigningKey();
    clock.advance(HOUR - 1);
    expect((await keys.getPrivateSigningKey()).kid).toBe(first.kid);
    const oldToken = await sign(keys);

    clock.advance(1);
    const second = await keys.getPrivateSigningKey();
    expect(second.kid).not.toBe(first.kid);
    const published = (await keys.listKeys()).keys.map(k => k.kid);
    expect(published).toEqual([second.kid, first.kid]);
    // A token signed just before rotation still verifies after it.
    await expect(
      jwtVerify(oldToken, createLocalJWKSet(await keys.listKeys())),
    ).resolves.toBeDefined();

    clock.advance(2 * HOUR);
    expect((await keys.listKeys()).keys.map(k => k.kid)).toEqual([second.kid]);
    expect(await storedKeyIds(knex)).toEqual([second.kid]);
  });

  it('publishes the keys of every replica that shares the database', async () => {
    const { source } = await setup();
    const replicaA = source();
    const replicaB = source();
    const a = await replicaA.getPrivateSigningKey();
    const b = await replicaB.getPrivateSigningKey();
    expect(a.kid).not.toBe(b.kid);
    for (const replica of [replicaA, replicaB]) {
      expect((await replica.listKeys()).keys.map(k => k.kid).sort()).toEqual([a.kid, b.kid].sort());
    }
  });

  it('makes a single key for concurrent first calls', async () => {
    const { knex, source } = await setup();
    const keys = source();
    const kids = (await Promise.all([1, 2, 3, 4].map(() => keys.getPrivateSigningKey()))).map(
      k => k.kid,
    );
    expect(new Set(kids).size).toBe(1);
    expect(await storedKeyIds(knex)).toEqual([kids[0]]);
  });
});

describe('DatabasePluginKeySource without a database', () => {
  it('fails signing while the database is down, and recovers once it is up', async () => {
    let available = false;
    const knex = await databases.init('SQLITE');
    const database: DatabaseService = {
      getClient: async () => {
        if (!available) throw new Error('database is down');
        return knex;
      },
    };
    const keys = new DatabasePluginKeySource({ database });
    await expect(keys.getPrivateSigningKey()).rejects.toThrow('database is down');
    available = true;
    await expect(keys.getPrivateSigningKey()).resolves.toMatchObject({ alg: 'ES256' });
  });
});

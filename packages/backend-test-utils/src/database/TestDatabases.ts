import { randomBytes } from 'node:crypto';
import type { JsonObject } from '@greenroom/config';
import knexFactory, { type Knex } from 'knex';
import { afterAll, inject } from 'vitest';
import { POSTGRES_URL_ENV, POSTGRES_URL_KEY } from './providedContext';

/** The databases every storage test runs against. */
export type TestDatabaseId = 'SQLITE' | 'POSTGRES';

const ALL_IDS: readonly TestDatabaseId[] = ['SQLITE', 'POSTGRES'];

/**
 * Fresh, empty databases for tests: `describe.each(databases.eachSupportedId())`, then
 * `await databases.init(id)` in each test. Everything made here is destroyed (PostgreSQL
 * databases dropped) in an `afterAll` registered by `create()`.
 */
export class TestDatabases {
  readonly #postgresUrl: string | null;
  readonly #clients: Knex[] = [];
  readonly #databaseNames: string[] = [];
  readonly #prefixes: string[] = [];

  /** Call at the top of a test file or `describe` block, so the cleanup hook lands there. */
  static create(): TestDatabases {
    const databases = new TestDatabases(readPostgresUrl());
    afterAll(() => databases.destroy());
    return databases;
  }

  private constructor(postgresUrl: string | null) {
    this.#postgresUrl = postgresUrl;
  }

  /** `['SQLITE', 'POSTGRES']`, or only SQLite when no PostgreSQL server is available locally. */
  eachSupportedId(): TestDatabaseId[] {
    return ALL_IDS.filter(id => this.supports(id));
  }

  supports(id: TestDatabaseId): boolean {
    return id === 'SQLITE' || this.#postgresUrl !== null;
  }

  /** A new Knex client on a brand-new, empty database. */
  async init(id: TestDatabaseId): Promise<Knex> {
    if (id === 'SQLITE') {
      return this.#track(
        knexFactory({
          client: 'better-sqlite3',
          connection: { filename: ':memory:' },
          useNullAsDefault: true,
          pool: {
            afterCreate(
              connection: { pragma(source: string): unknown },
              done: (error: Error | null) => void,
            ) {
              connection.pragma('foreign_keys = ON');
              done(null);
            },
          },
        }),
      );
    }
    const name = uniqueName('greenroom_test_');
    await this.#withAdmin(admin => admin.raw('CREATE DATABASE ??', [name]));
    this.#databaseNames.push(name);
    return this.#track(knexFactory({ client: 'pg', connection: this.#postgresConnection(name) }));
  }

  /**
   * A `backend.database` config block for code that builds its clients from config. On
   * PostgreSQL it carries a unique `prefix`, so each call yields fresh per-plugin databases;
   * they are dropped with the rest.
   */
  configFor(id: TestDatabaseId): JsonObject {
    if (id === 'SQLITE') {
      return { client: 'better-sqlite3', connection: ':memory:' };
    }
    const prefix = uniqueName('greenroom_test_') + '_';
    this.#prefixes.push(prefix);
    return { client: 'pg', connection: this.#requirePostgresUrl(), prefix };
  }

  /** Remembers a database made outside `init` (e.g. a schema-mode base database) for cleanup. */
  dropAfterwards(databaseName: string): void {
    this.#databaseNames.push(databaseName);
  }

  async destroy(): Promise<void> {
    await Promise.all(this.#clients.splice(0).map(client => client.destroy()));
    if (
      this.#postgresUrl === null ||
      (this.#databaseNames.length === 0 && this.#prefixes.length === 0)
    ) {
      return;
    }
    await this.#withAdmin(async admin => {
      const names = new Set(this.#databaseNames.splice(0));
      for (const prefix of this.#prefixes.splice(0)) {
        const rows: { datname: string }[] = (
          await admin.raw('SELECT datname FROM pg_database WHERE starts_with(datname, ?)', [prefix])
        ).rows;
        for (const row of rows) names.add(row.datname);
      }
      for (const name of names) {
        // FORCE ends connections a test left open (e.g. a pool it did not destroy).
        await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [name]);
      }
    });
  }

  #track(client: Knex): Knex {
    this.#clients.push(client);
    return client;
  }

  #requirePostgresUrl(): string {
    if (this.#postgresUrl === null) {
      throw new Error(
        `No PostgreSQL server for tests: install PostgreSQL or set ${POSTGRES_URL_ENV}; use eachSupportedId() to skip it`,
      );
    }
    return this.#postgresUrl;
  }

  #postgresConnection(database: string): string {
    const url = new URL(this.#requirePostgresUrl());
    url.pathname = `/${encodeURIComponent(database)}`;
    return url.toString();
  }

  async #withAdmin<T>(work: (admin: Knex) => Promise<T>): Promise<T> {
    const admin = knexFactory({
      client: 'pg',
      connection: this.#postgresConnection('postgres'),
      pool: { min: 0, max: 1 },
    });
    try {
      return await work(admin);
    } finally {
      await admin.destroy();
    }
  }
}

function readPostgresUrl(): string | null {
  // Outside the repo's vitest config (no global setup) fall back to the environment.
  return inject(POSTGRES_URL_KEY) ?? process.env[POSTGRES_URL_ENV] ?? null;
}

function uniqueName(prefix: string): string {
  return prefix + randomBytes(6).toString('hex');
}

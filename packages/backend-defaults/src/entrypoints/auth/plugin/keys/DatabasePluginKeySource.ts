import { randomUUID } from 'node:crypto';
import type { DatabaseService } from '@greenroom/backend-plugin-api';
import { runMigrations } from '@greenroom/backend-plugin-api';
import type { JWK } from 'jose';
import { exportJWK, generateKeyPair } from 'jose';
import type { Knex } from 'knex';
import { PLUGIN_KEY_ALGORITHM } from '../../tokenTypes';
import { PLUGIN_KEYS_MIGRATIONS_TABLE, PLUGIN_KEYS_TABLE, pluginKeyMigrations } from './migrations';
import type { PluginKeySource, PluginSigningKey } from './types';

export const DEFAULT_PLUGIN_KEY_DURATION_MS = 60 * 60 * 1000;

export interface DatabasePluginKeySourceOptions {
  database: DatabaseService;
  /** How long one key signs before the next is made; tokens live at most this long. Default 1 h. */
  keyDurationMs?: number;
  /** Milliseconds since the epoch; tests move it forward. */
  now?: () => number;
}

interface CurrentKey {
  createdAt: number;
  signing: Promise<PluginSigningKey>;
}

/**
 * Keys made by this plugin instance: the private half stays in memory, the public half goes
 * to a table in the plugin's own database, so every replica of the plugin publishes the keys
 * of all replicas. A new key is made every `keyDurationMs`; public keys are kept for three
 * periods, longer than any token signed with them lives. The database is opened on first use
 * only: a plugin that never issues a token never opens it for this.
 */
export class DatabasePluginKeySource implements PluginKeySource {
  readonly #database: DatabaseService;
  readonly #keyDurationMs: number;
  readonly #now: () => number;
  #client: Promise<Knex> | undefined;
  #current: CurrentKey | undefined;

  constructor(options: DatabasePluginKeySourceOptions) {
    this.#database = options.database;
    this.#keyDurationMs = options.keyDurationMs ?? DEFAULT_PLUGIN_KEY_DURATION_MS;
    this.#now = options.now ?? Date.now;
  }

  getPrivateSigningKey(): Promise<PluginSigningKey> {
    const now = this.#now();
    const current = this.#current;
    if (current && now - current.createdAt < this.#keyDurationMs) return current.signing;

    const next: CurrentKey = { createdAt: now, signing: this.#createKey(now) };
    this.#current = next;
    // A failed creation (database down) must not stick: the next caller tries again.
    next.signing.catch(() => {
      if (this.#current === next) this.#current = undefined;
    });
    return next.signing;
  }

  async listKeys(): Promise<{ keys: JWK[] }> {
    const client = await this.#getClient();
    const now = this.#now();
    // Expired keys can no longer verify anything; removing them here keeps the table small.
    await client(PLUGIN_KEYS_TABLE).where('expires_at', '<=', now).delete();
    const rows: Array<{ key: string }> = await client(PLUGIN_KEYS_TABLE)
      .select('key')
      .where('expires_at', '>', now)
      .orderBy('expires_at', 'desc');
    return { keys: rows.map(row => JSON.parse(row.key) as JWK) };
  }

  async #createKey(now: number): Promise<PluginSigningKey> {
    const { publicKey, privateKey } = await generateKeyPair(PLUGIN_KEY_ALGORITHM);
    const kid = randomUUID();
    const jwk: JWK = {
      ...(await exportJWK(publicKey)),
      kid,
      alg: PLUGIN_KEY_ALGORITHM,
      use: 'sig',
    };
    const client = await this.#getClient();
    await client(PLUGIN_KEYS_TABLE).insert({
      id: kid,
      key: JSON.stringify(jwk),
      expires_at: now + 3 * this.#keyDurationMs,
    });
    return { key: privateKey, kid, alg: PLUGIN_KEY_ALGORITHM };
  }

  #getClient(): Promise<Knex> {
    if (!this.#client) {
      const opening = this.#openClient();
      this.#client = opening;
      opening.catch(() => {
        if (this.#client === opening) this.#client = undefined;
      });
    }
    return this.#client;
  }

  async #openClient(): Promise<Knex> {
    const client = await this.#database.getClient();
    if (!this.#database.migrations?.skip) {
      await runMigrations(client, {
        migrations: pluginKeyMigrations,
        tableName: PLUGIN_KEYS_MIGRATIONS_TABLE,
      });
    }
    return client;
  }
}

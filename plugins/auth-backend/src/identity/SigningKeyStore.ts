import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import type { Knex } from 'knex';

export const SIGNING_ALGORITHM = 'ES256';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
}

export interface SigningKeyStoreOptions {
  /** A key signs for this long, then a new one takes over. */
  rotationIntervalMs: number;
  /** Clock, for tests of rotation. */
  now?: () => number;
}

/**
 * ES256 signing keys of the auth plugin. Each process makes its own key pair, keeps the private
 * half in memory only, and writes the public half to the plugin's database, so every instance on
 * that database publishes every instance's keys. A public key stays published for three rotation
 * intervals, well past the expiry of the last token it signed (tokens live one interval).
 *
 * The next key is published a few minutes before it signs anything: verifiers cache the key set
 * and refetch it at most every so often, so a key they have never seen must not appear suddenly.
 */
export class SigningKeyStore {
  readonly #knex: Knex;
  readonly #rotationIntervalMs: number;
  readonly #now: () => number;
  readonly #leadMs: number;
  #current: { key: SigningKey; since: number } | undefined;
  #next: Promise<SigningKey> | undefined;
  #rotating: Promise<SigningKey> | undefined;

  constructor(knex: Knex, options: SigningKeyStoreOptions) {
    this.#knex = knex;
    this.#rotationIntervalMs = options.rotationIntervalMs;
    this.#now = options.now ?? Date.now;
    this.#leadMs = Math.min(5 * 60_000, options.rotationIntervalMs / 4);
  }

  /** The key to sign with now; makes (and publishes) a new one when the current one is due. */
  async getSigningKey(): Promise<SigningKey> {
    const current = this.#current;
    if (current) {
      const age = this.#now() - current.since;
      if (age < this.#rotationIntervalMs) {
        if (age >= this.#rotationIntervalMs - this.#leadMs && !this.#next) {
          this.#next = this.#publishNewKey().catch(error => {
            this.#next = undefined;
            throw error;
          });
          await this.#next;
        }
        return current.key;
      }
    }
    // Concurrent callers at rotation time share one new key.
    this.#rotating ??= this.#rotate().finally(() => {
      this.#rotating = undefined;
    });
    return this.#rotating;
  }

  /** Every public key that may still verify an unexpired token; drops the ones that cannot. */
  async listPublicKeys(): Promise<JWK[]> {
    const oldest = this.#now() - 3 * this.#rotationIntervalMs;
    await this.#knex('auth_signing_keys').where('created_at', '<', oldest).delete();
    const rows: Array<{ public_key: string }> = await this.#knex('auth_signing_keys')
      .select('public_key')
      .orderBy('created_at', 'desc');
    return rows.map(row => JSON.parse(row.public_key) as JWK);
  }

  async #rotate(): Promise<SigningKey> {
    const key = (await this.#next) ?? (await this.#publishNewKey());
    this.#next = undefined;
    this.#current = { key, since: this.#now() };
    return key;
  }

  async #publishNewKey(): Promise<SigningKey> {
    const kid = randomUUID();
    const { publicKey, privateKey } = await generateKeyPair(SIGNING_ALGORITHM, {
      extractable: true,
    });
    const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: SIGNING_ALGORITHM, use: 'sig' };
    await this.#knex('auth_signing_keys').insert({
      kid,
      public_key: JSON.stringify(jwk),
      created_at: this.#now(),
    });
    return { kid, privateKey };
  }
}

import type { Knex } from 'knex';
import type { SignInInfo } from '../signIn/types';
import { toMillis } from '../database/migrations';
import { hashHandle, newHandle } from './hashHandle';
import type { SecretBox } from './SecretBox';

/** A signed-in browser session of one provider: what refresh needs to issue a new token. */
export interface StoredSession {
  /** The provider config environment the session was started in. */
  env: string;
  /** What the provider said about the user; the sign-in resolver runs on it again at refresh. */
  signIn: SignInInfo;
  /** The identity provider's refresh token: never sent to the browser. */
  providerRefreshToken?: string;
  scope?: string;
}

/**
 * Refresh sessions in the auth database, so they survive restarts and are shared by every
 * instance. The browser holds a random handle; rows are keyed by its hash and their content is
 * encrypted.
 */
export class SessionStore {
  constructor(
    private readonly knex: Knex,
    private readonly box: SecretBox,
  ) {}

  /** Stores a session for `ttlMs`; returns the handle for the cookie. */
  async create(providerId: string, session: StoredSession, ttlMs: number): Promise<string> {
    const handle = newHandle();
    const now = Date.now();
    await this.knex('auth_sessions').where('expires_at', '<', now).delete();
    await this.knex('auth_sessions').insert({
      id: hashHandle(handle),
      provider_id: providerId,
      data: this.box.seal(JSON.stringify(session)),
      created_at: now,
      updated_at: now,
      expires_at: now + ttlMs,
    });
    return handle;
  }

  /** The live session behind a handle, or undefined (unknown, expired, other provider, bad key). */
  async get(providerId: string, handle: string): Promise<StoredSession | undefined> {
    const row = await this.knex('auth_sessions')
      .where({ id: hashHandle(handle), provider_id: providerId })
      .first();
    if (!row || toMillis(row.expires_at) <= Date.now()) return undefined;
    const json = this.box.open(row.data);
    return json === undefined ? undefined : (JSON.parse(json) as StoredSession);
  }

  async update(providerId: string, handle: string, session: StoredSession): Promise<void> {
    await this.knex('auth_sessions')
      .where({ id: hashHandle(handle), provider_id: providerId })
      .update({ data: this.box.seal(JSON.stringify(session)), updated_at: Date.now() });
  }

  async delete(providerId: string, handle: string): Promise<void> {
    await this.knex('auth_sessions')
      .where({ id: hashHandle(handle), provider_id: providerId })
      .delete();
  }
}

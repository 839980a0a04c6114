import type { Knex } from 'knex';
import { toMillis } from '../database/migrations';
import { hashHandle } from './hashHandle';
import type { SecretBox } from './SecretBox';

const PENDING_TTL_MS = 10 * 60_000;

/**
 * What a provider must remember between sending the browser to the identity provider and the
 * callback (a PKCE verifier, an ID token nonce), keyed by the sign-in's nonce cookie. In the
 * database, so a callback may land on another instance or after a restart. Each is used once.
 */
export class PendingSignInStore {
  constructor(
    private readonly knex: Knex,
    private readonly box: SecretBox,
  ) {}

  async save(providerId: string, nonce: string, secrets: Record<string, string>): Promise<void> {
    const now = Date.now();
    await this.knex('auth_pending_sign_ins').where('expires_at', '<', now).delete();
    await this.knex('auth_pending_sign_ins').insert({
      id: hashHandle(nonce),
      provider_id: providerId,
      data: this.box.seal(JSON.stringify(secrets)),
      expires_at: now + PENDING_TTL_MS,
    });
  }

  /** The secrets saved for this nonce, removed as they are read; undefined if none or expired. */
  async take(providerId: string, nonce: string): Promise<Record<string, string> | undefined> {
    const where = { id: hashHandle(nonce), provider_id: providerId };
    const row = await this.knex('auth_pending_sign_ins').where(where).first();
    if (!row) return undefined;
    const deleted = await this.knex('auth_pending_sign_ins').where(where).delete();
    // Two callbacks racing with the same nonce: only the one that deleted the row proceeds.
    if (deleted === 0 || toMillis(row.expires_at) <= Date.now()) return undefined;
    const json = this.box.open(row.data);
    return json === undefined ? undefined : (JSON.parse(json) as Record<string, string>);
  }
}

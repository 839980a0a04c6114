import type { Knex } from 'knex';

/** What `/v1/userinfo` serves for a user: the claims of their latest sign-in. */
export interface StoredUserInfo {
  sub: string;
  ent: string[];
}

/** Ownership refs per user, kept server side so tokens (and cookies) can stay slim. */
export class UserInfoStore {
  constructor(private readonly knex: Knex) {}

  async save(info: StoredUserInfo): Promise<void> {
    await this.knex('auth_user_info')
      .insert({
        user_entity_ref: info.sub,
        claims: JSON.stringify({ sub: info.sub, ent: info.ent }),
        updated_at: Date.now(),
      })
      .onConflict('user_entity_ref')
      .merge(['claims', 'updated_at']);
  }

  async get(userEntityRef: string): Promise<StoredUserInfo | undefined> {
    const row = await this.knex('auth_user_info').where({ user_entity_ref: userEntityRef }).first();
    return row ? (JSON.parse(row.claims) as StoredUserInfo) : undefined;
  }
}

import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';

const GENERATED_KEY_NAME = 'session-encryption-key';
const VERSION = 'v1';

/**
 * Encrypts what the plugin stores about sessions (provider refresh tokens, profiles) with
 * AES-256-GCM. The key derives from `auth.session.secret` when set, so a copy of the database
 * alone reveals nothing; otherwise a random key kept in the plugin's database is used.
 */
export class SecretBox {
  static async create(knex: Knex, sessionSecret: string | undefined): Promise<SecretBox> {
    if (sessionSecret) {
      const key = hkdfSync('sha256', sessionSecret, 'greenroom-auth', 'session-encryption', 32);
      return new SecretBox(Buffer.from(key));
    }
    // Several instances may start together: the first insert wins, everyone reads the winner.
    await knex('auth_secrets')
      .insert({ name: GENERATED_KEY_NAME, value: randomBytes(32).toString('base64') })
      .onConflict('name')
      .ignore();
    const row = await knex('auth_secrets').where({ name: GENERATED_KEY_NAME }).first();
    return new SecretBox(Buffer.from(row.value, 'base64'));
  }

  private constructor(private readonly key: Buffer) {}

  seal(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv, body, cipher.getAuthTag()]
      .map(part => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  /** The plaintext, or undefined when it was sealed with another key or tampered with. */
  open(sealed: string): string | undefined {
    const [version, iv, body, tag] = sealed.split('.');
    if (version !== VERSION || !iv || body === undefined || !tag) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([
        decipher.update(Buffer.from(body, 'base64url')),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      return undefined;
    }
  }
}

import { TestDatabases } from '@greenroom/backend-test-utils';
import { describe, expect, it } from 'vitest';
import { migrateAuthDatabase } from '../database/migrations';
import { SecretBox } from './SecretBox';

const databases = TestDatabases.create();

describe.each(databases.eachSupportedId())('SecretBox on %s', databaseId => {
  it('round-trips, never stores the plaintext, and refuses other keys or tampering', async () => {
    const knex = await databases.init(databaseId);
    await migrateAuthDatabase(knex);
    const generated = await SecretBox.create(knex, undefined);
    const sealed = generated.seal('idp-refresh-token-value');
    expect(sealed).not.toContain('idp-refresh-token-value');
    expect(generated.open(sealed)).toBe('idp-refresh-token-value');
    // A second instance on the same database uses the same generated key.
    expect((await SecretBox.create(knex, undefined)).open(sealed)).toBe('idp-refresh-token-value');

    const fromSecret = await SecretBox.create(knex, 'a-long-session-secret');
    expect(fromSecret.open(sealed)).toBeUndefined();
    expect((await SecretBox.create(knex, 'a-long-session-secret')).open(fromSecret.seal('x'))).toBe(
      'x',
    );

    const [v, iv, body, tag] = sealed.split('.');
    const flipped = body.startsWith('A') ? `B${body.slice(1)}` : `A${body.slice(1)}`;
    expect(generated.open([v, iv, flipped, tag].join('.'))).toBeUndefined();
    expect(generated.open('garbage')).toBeUndefined();
  });
});

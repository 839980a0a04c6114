import { base64url } from 'jose';
import { describe, expect, it } from 'vitest';
import { createLimitedUserToken } from './createLimitedUserToken';

const segment = (value: object) => base64url.encode(JSON.stringify(value));
const token = (header: object, payload: object) => `${segment(header)}.${segment(payload)}.c2ln`;

describe('createLimitedUserToken', () => {
  it('rebuilds the limited token byte for byte: fixed key order, no whitespace, the uip as signature', () => {
    const full = token(
      { kid: 'k1', alg: 'ES256', typ: 'vnd.backstage.user' },
      {
        ent: ['group:default/g'],
        exp: 2000,
        uip: 'UIP-SIGNATURE',
        iss: 'x',
        sub: 'user:default/u',
        aud: 'backstage',
        iat: 1000,
      },
    );
    const { token: limited, expiresAt } = createLimitedUserToken(full);
    const [header, payload, signature] = limited.split('.');
    expect(Buffer.from(header, 'base64url').toString()).toBe(
      '{"typ":"vnd.backstage.limited-user","alg":"ES256","kid":"k1"}',
    );
    expect(Buffer.from(payload, 'base64url').toString()).toBe(
      '{"sub":"user:default/u","iat":1000,"exp":2000}',
    );
    expect(signature).toBe('UIP-SIGNATURE');
    expect(expiresAt).toEqual(new Date(2_000_000));
  });

  it.each([
    ['an untyped token', { alg: 'ES256' }, { sub: 'u', aud: 'backstage', exp: 5, uip: 'x' }],
    ['a limited token', { typ: 'vnd.backstage.limited-user', alg: 'ES256' }, { sub: 'u', exp: 5 }],
    ['a token without uip', { typ: 'vnd.backstage.user', alg: 'ES256' }, { sub: 'u', exp: 5 }],
  ])('returns %s as it is', (_label, header, payload) => {
    const original = token(header, payload);
    expect(createLimitedUserToken(original)).toEqual({
      token: original,
      expiresAt: new Date(5000),
    });
  });

  it('refuses tokens that are not user tokens', () => {
    expect(() =>
      createLimitedUserToken(token({ typ: 'vnd.backstage.plugin', alg: 'ES256' }, { exp: 5 })),
    ).toThrow('not a user token');
    expect(() => createLimitedUserToken('garbage')).toThrow('malformed user token');
  });
});

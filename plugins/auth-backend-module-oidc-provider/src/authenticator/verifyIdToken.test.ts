import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyIdToken } from './verifyIdToken';

const ISSUER = 'https://idp.example.com';
const CLIENT = 'greenroom';
let sign: (payload: JWTPayload, options?: { alg?: string; other?: boolean }) => Promise<string>;
let keys: ReturnType<typeof createLocalJWKSet>;

beforeAll(async () => {
  const ours = await generateKeyPair('RS256');
  const other = await generateKeyPair('RS256');
  keys = createLocalJWKSet({
    keys: [{ ...(await exportJWK(ours.publicKey)), kid: 'k1', alg: 'RS256' }],
  });
  sign = (payload, options = {}) =>
    new SignJWT(payload)
      .setProtectedHeader({ alg: options.alg ?? 'RS256', kid: 'k1' })
      .sign(options.other ? other.privateKey : ours.privateKey);
});

const now = () => Math.floor(Date.now() / 1000);
const good = (): JWTPayload => ({
  iss: ISSUER,
  aud: CLIENT,
  sub: 'jane',
  iat: now(),
  exp: now() + 300,
  nonce: 'n-1',
});
const verify = (token: string, extra: { nonce?: string; subject?: string } = { nonce: 'n-1' }) =>
  verifyIdToken(token, { issuer: ISSUER, clientId: CLIENT, keys, algorithms: ['RS256'], ...extra });

describe('verifyIdToken', () => {
  it('accepts a valid ID token', async () => {
    expect((await verify(await sign(good()))).sub).toBe('jane');
  });

  it.each<[string, () => Promise<string>, RegExp]>([
    [
      'another issuer',
      () => sign({ ...good(), iss: 'https://evil.example' }),
      /unexpected "iss" claim value/,
    ],
    [
      'another audience',
      () => sign({ ...good(), aud: 'someone-else' }),
      /unexpected "aud" claim value/,
    ],
    [
      'an expired token',
      () => sign({ ...good(), iat: now() - 900, exp: now() - 600 }),
      /"exp" claim timestamp check failed/,
    ],
    ['another key', () => sign(good(), { other: true }), /signature verification failed/],
    ['another nonce', () => sign({ ...good(), nonce: 'n-2' }), /the nonce does not match/],
    ['no nonce', () => sign({ ...good(), nonce: undefined }), /the nonce does not match/],
    ['no subject', () => sign({ ...good(), sub: undefined }), /"sub" claim/],
    [
      'several audiences without azp',
      () => sign({ ...good(), aud: [CLIENT, 'other'] }),
      /azp is not this client/,
    ],
    [
      'alg none',
      async () =>
        `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify(good())).toString('base64url')}.`,
      /Invalid ID token/,
    ],
    ['garbage', async () => 'not.a.token', /Invalid ID token/],
  ])('refuses %s', async (_what, make, message) => {
    const token = await make();
    const error = await verify(token).catch(e => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe('AuthenticationError');
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain(token);
  });

  it('on refresh, refuses an ID token about another user', async () => {
    const token = await sign({ ...good(), nonce: undefined, sub: 'mallory' });
    await expect(verify(token, { subject: 'jane' })).rejects.toThrow('the subject changed');
    expect(
      (await verify(await sign({ ...good(), nonce: undefined }), { subject: 'jane' })).sub,
    ).toBe('jane');
  });
});

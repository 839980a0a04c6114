import { startTestBackend, type TestBackend } from '@greenroom/backend-test-utils';
import { base64url, decodeJwt, decodeProtectedHeader, SignJWT } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureRootLogger } from './testing/captureRootLogger';
import { createTestAuthPlugin } from './testing/createTestAuthPlugin';
import { createWhoAmIPlugin } from './testing/createWhoAmIPlugin';

let running: TestBackend | undefined;
afterEach(async () => {
  vi.unstubAllEnvs();
  await running?.stop();
  running = undefined;
});

async function start(options: { withAuthPlugin?: boolean; nodeEnv?: string } = {}) {
  if (options.nodeEnv) vi.stubEnv('NODE_ENV', options.nodeEnv);
  const logs = captureRootLogger();
  const authPlugin = await createTestAuthPlugin();
  const target = createWhoAmIPlugin('target');
  running = await startTestBackend({
    features: [
      logs.factory,
      target.plugin,
      ...(options.withAuthPlugin === false ? [] : [authPlugin.plugin]),
    ],
  });
  return { auth: target.services().auth, authPlugin, logs, url: running.url };
}

function forge(header: object, claims: object, signature = 'c2lnbmF0dXJl') {
  return `${base64url.encode(JSON.stringify(header))}.${base64url.encode(JSON.stringify(claims))}.${signature}`;
}

const now = () => Math.floor(Date.now() / 1000);

describe('auth.authenticate', () => {
  it('accepts a full user token from the auth plugin', async () => {
    const { auth, authPlugin } = await start();
    const token = await authPlugin.issueUserToken({ sub: 'user:default/alice' });
    const credentials = await auth.authenticate(token);
    expect(credentials.principal).toEqual({ type: 'user', userEntityRef: 'user:default/alice' });
    expect(credentials.expiresAt?.getTime()).toBe(decodeJwt(token).exp! * 1000);
    expect(auth.isPrincipal(credentials, 'user')).toBe(true);
    expect(auth.isPrincipal(credentials, 'service')).toBe(false);
    expect(auth.isPrincipal(credentials, 'unknown')).toBe(true);
    // The token stays inside the service: nothing in the credentials object shows it.
    expect(JSON.stringify(credentials)).not.toContain(token.split('.')[2]);
  });

  it('accepts untyped tokens with aud backstage from older issuers', async () => {
    const { auth, authPlugin } = await start();
    const token = await authPlugin.issueUserToken({ typ: null, withoutUip: true });
    expect((await auth.authenticate(token)).principal).toMatchObject({ type: 'user' });
  });

  it.each([
    [
      'an expired token',
      { expiresInSeconds: -10 },
      'Failed user token verification: the token has expired',
    ],
    [
      'a token from another issuer',
      { iss: 'https://evil.example.com/api/auth' },
      "Failed user token verification: its issuer is not this backend's auth plugin (expected 'http://127.0.0.1/api/auth')",
    ],
    [
      'a token for another audience',
      { aud: 'someone-else' },
      "Failed user token verification: its audience is not 'backstage'",
    ],
    [
      'a token signed by a key the auth plugin does not publish',
      { foreignKey: true },
      'Failed user token verification: the signature does not match the signing key',
    ],
  ])('refuses %s with a 401 that says why', async (_label, options, message) => {
    const { auth, authPlugin } = await start();
    const token = await authPlugin.issueUserToken(options);
    await expect(auth.authenticate(token)).rejects.toMatchObject({
      name: 'AuthenticationError',
      message,
    });
  });

  it('refuses malformed, unsigned, untyped-garbage and oversized tokens', async () => {
    const { auth } = await start();
    const cases: Array<[string, string]> = [
      ['', 'Illegal token: the token is empty'],
      ['x'.repeat(16 * 1024 + 1), 'Illegal token: it is 16385 characters long, the limit is 16384'],
      [
        forge(
          { alg: 'none', typ: 'vnd.backstage.user' },
          { sub: 'user:default/x', aud: 'backstage', iat: now(), exp: now() + 60 },
          '',
        ),
        'Illegal token: unsigned tokens (alg none) are never accepted',
      ],
      [
        forge({ alg: 'ES256', typ: 'vnd.backstage.admin' }, { sub: 'x' }),
        "Illegal token: unknown token type 'vnd.backstage.admin'",
      ],
      [
        'not-a-jwt-at-all',
        'Illegal token: it is not a user, plugin or configured external access token',
      ],
      [
        forge({ alg: 'ES256' }, { sub: 'x' }),
        'Illegal token: it is not a user, plugin or configured external access token',
      ],
      [
        forge({ alg: 'ES256', typ: 'vnd.backstage.plugin' }, { sub: '../../etc', aud: 'target' }),
        'Failed plugin token verification: its subject is not a plugin id',
      ],
    ];
    for (const [token, message] of cases) {
      await expect(auth.authenticate(token), message).rejects.toMatchObject({
        name: 'AuthenticationError',
        message,
      });
    }
  });

  it('refuses user tokens signed with HMAC, whatever the key', async () => {
    const { auth } = await start();
    const token = await new SignJWT({
      sub: 'user:default/x',
      aud: 'backstage',
      iss: 'http://127.0.0.1/api/auth',
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'vnd.backstage.user' })
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('a-shared-secret-anyone-could-guess'));
    await expect(auth.authenticate(token)).rejects.toThrow(
      'Failed user token verification: its signature algorithm is not allowed',
    );
  });

  it('refuses plugin tokens from a plugin that publishes no keys', async () => {
    const { auth } = await start();
    const token = forge(
      { alg: 'ES256', typ: 'vnd.backstage.plugin', kid: 'k' },
      { sub: 'ghost', aud: 'target', iat: now(), exp: now() + 60 },
    );
    await expect(auth.authenticate(token)).rejects.toThrow(
      /^Failed plugin token verification: the signing keys of plugin 'ghost' could not be fetched from http:\/\/127\.0\.0\.1:\d+\/api\/ghost\/\.backstage\/auth\/v1\/jwks\.json$/,
    );
  });

  it('says so when the auth plugin is not installed', async () => {
    const { auth, authPlugin, url } = await start({ withAuthPlugin: false });
    // Sign a token with the stand-in's keys anyway; there is nobody to verify it against.
    const other = await startTestBackend({ features: [authPlugin.plugin] });
    try {
      const token = await authPlugin.issueUserToken();
      await expect(auth.authenticate(token)).rejects.toThrow(
        `Failed user token verification: the auth plugin's signing keys could not be fetched from ${url}/api/auth/.well-known/jwks.json`,
      );
    } finally {
      await other.stop();
    }
  });

  it('refuses limited user tokens unless limited access is allowed', async () => {
    const { auth, authPlugin } = await start();
    const full = await auth.authenticate(
      await authPlugin.issueUserToken({ sub: 'user:default/dan' }),
    );
    const { token: limited, expiresAt } = await auth.getLimitedUserToken(
      full as Parameters<typeof auth.getLimitedUserToken>[0],
    );
    expect(decodeProtectedHeader(limited)).toEqual({
      typ: 'vnd.backstage.limited-user',
      alg: 'ES256',
      kid: expect.any(String),
    });
    expect(expiresAt).toEqual(full.expiresAt);
    await expect(auth.authenticate(limited)).rejects.toMatchObject({
      name: 'AuthenticationError',
      message: 'Illegal limited user token',
    });
    // Rebuilt byte for byte from the uip, it verifies against the auth plugin's key.
    const credentials = await auth.authenticate(limited, { allowLimitedAccess: true });
    expect(credentials.principal).toEqual({ type: 'user', userEntityRef: 'user:default/dan' });
  });

  it('rejects a limited token whose rebuilt parts were tampered with', async () => {
    const { auth, authPlugin } = await start();
    const full = await auth.authenticate(
      await authPlugin.issueUserToken({ sub: 'user:default/dan' }),
    );
    const { token } = await auth.getLimitedUserToken(
      full as Parameters<typeof auth.getLimitedUserToken>[0],
    );
    const [header, , signature] = token.split('.');
    const claims = decodeJwt(token);
    const tampered = `${header}.${base64url.encode(JSON.stringify({ ...claims, sub: 'user:default/admin' }))}.${signature}`;
    await expect(auth.authenticate(tampered, { allowLimitedAccess: true })).rejects.toThrow(
      'Failed user token verification: the signature does not match the signing key',
    );
  });

  it('explains how to fix auth errors in development, and says so once at startup', async () => {
    const { auth, authPlugin, logs } = await start({ nodeEnv: 'development' });
    await expect(
      auth.authenticate(await authPlugin.issueUserToken({ expiresInSeconds: -10 })),
    ).rejects.toThrow(
      'Failed user token verification: the token has expired. To fix: sign in again; the frontend refreshes user tokens before they expire',
    );
    expect(logs.messages().filter(m => m.startsWith('Auth errors'))).toEqual([
      'Auth errors explain how to fix them: NODE_ENV is development',
    ]);
  });

  it('keeps auth errors short outside development, and says so once at startup', async () => {
    const { auth, authPlugin, logs } = await start({ nodeEnv: 'production' });
    await expect(
      auth.authenticate(await authPlugin.issueUserToken({ expiresInSeconds: -10 })),
    ).rejects.toThrow(/^Failed user token verification: the token has expired$/);
    expect(logs.messages().filter(m => m.startsWith('Auth errors'))).toEqual([
      'Auth errors do not explain how to fix them: NODE_ENV is production, not development',
    ]);
  });
});

import { startTestBackend, type TestBackend } from '@greenroom/backend-test-utils';
import { decodeJwt, SignJWT } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { captureRootLogger } from './testing/captureRootLogger';
import { createTestAuthPlugin } from './testing/createTestAuthPlugin';
import { createWhoAmIPlugin } from './testing/createWhoAmIPlugin';

let running: TestBackend | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

const STATIC_TOKEN = 'static-secret-token-4f9a';
const RAW_SECRET = 'legacy shared secret 77';
const LEGACY_SECRET = Buffer.from(RAW_SECRET).toString('base64');

const legacyToken = (secret: string, expiresIn: string) =>
  new SignJWT({ sub: 'backstage-server' })
    .setProtectedHeader({ alg: 'HS256' })
    .setExpirationTime(expiresIn)
    .sign(Buffer.from(secret, 'base64'));

describe('secrets in logs', () => {
  it('never writes tokens or secrets to the log, even at debug level on failing requests', async () => {
    const logs = captureRootLogger();
    const authPlugin = await createTestAuthPlugin();
    const a = createWhoAmIPlugin('a', {
      policies: [{ path: '/cookie-only', allow: 'user-cookie' }],
    });
    const b = createWhoAmIPlugin('b', {
      extend(router, { httpAuth }) {
        router.get('/services-only', async (req, res) => {
          await httpAuth.credentials(req, { allow: ['service'] });
          res.end();
        });
      },
    });
    running = await startTestBackend({
      features: [logs.factory, authPlugin.plugin, a.plugin, b.plugin],
      config: {
        backend: {
          auth: {
            externalAccess: [
              {
                type: 'static',
                options: { token: STATIC_TOKEN, subject: 'ci' },
                accessRestrictions: [{ plugin: 'a' }],
              },
              { type: 'legacy', options: { secret: LEGACY_SECRET, subject: 'old' } },
            ],
          },
        },
      },
    });
    const url = running.url;
    const userToken = await authPlugin.issueUserToken({ sub: 'user:default/jo' });
    const expiredUserToken = await authPlugin.issueUserToken({ expiresInSeconds: -5 });
    const wrongLegacy = await legacyToken(Buffer.from('not the secret').toString('base64'), '5m');
    const expiredLegacy = await legacyToken(LEGACY_SECRET, '-5m');
    const cookie = (
      await fetch(`${url}/api/a/.backstage/auth/v1/cookie`, {
        headers: { authorization: `Bearer ${userToken}` },
      })
    ).headers
      .getSetCookie()[0]
      .split(';')[0];

    const attempts: Array<[string, Record<string, string>]> = [
      ['/api/b/whoami', { authorization: `Bearer ${STATIC_TOKEN}` }],
      ['/api/a/whoami', { authorization: `Bearer ${STATIC_TOKEN.slice(0, -1)}x` }],
      ['/api/a/whoami', { authorization: `Bearer ${wrongLegacy}` }],
      ['/api/a/whoami', { authorization: `Bearer ${expiredLegacy}` }],
      ['/api/a/whoami', { authorization: `Bearer ${expiredUserToken}` }],
      ['/api/b/services-only', { authorization: `Bearer ${userToken}` }],
      ['/api/b/cookie-only/whoami', { cookie }],
      ['/api/a/whoami', { cookie }],
      ['/api/a/whoami', { authorization: `Basic ${STATIC_TOKEN}` }],
    ];
    for (const [path, headers] of attempts) {
      const res = await fetch(`${url}${path}`, { headers });
      expect(res.status, path).toBeGreaterThanOrEqual(400);
    }

    const text = logs.lines.join('\n');
    // The capture works: refusals are logged, with their reasons.
    expect(
      logs.messages().filter(m => m.startsWith('Refused credentials')).length,
    ).toBeGreaterThanOrEqual(5);
    expect(text).toContain('the token has expired');

    const limited = decodeJwt(userToken).uip as string;
    const secrets = {
      STATIC_TOKEN,
      LEGACY_SECRET,
      RAW_SECRET,
      userToken,
      userTokenSignature: userToken.split('.')[2],
      uip: limited,
      expiredUserToken,
      wrongLegacy,
      expiredLegacy,
      cookie: cookie.split('=')[1],
    };
    for (const [name, secret] of Object.entries(secrets)) {
      expect(text.includes(secret), `${name} appears in the log`).toBe(false);
    }
  });
});

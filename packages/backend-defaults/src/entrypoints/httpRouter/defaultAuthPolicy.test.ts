import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestBackend, type TestBackend } from '@greenroom/backend-test-utils';
import { base64url, decodeJwt, exportPKCS8, exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestAuthPlugin, type TestAuthPlugin } from '../auth/testing/createTestAuthPlugin';
import { createWhoAmIPlugin, type WhoAmIPlugin } from '../auth/testing/createWhoAmIPlugin';

// The route sweep: every route of two plugins, every kind of bad credential, real HTTP.
const KID = 'sweep-key-1';
let keyDir: string;
let privateKey: CryptoKey;

beforeAll(async () => {
  keyDir = await mkdtemp(join(tmpdir(), 'greenroom-sweep-'));
  const pair = await generateKeyPair('ES256', { extractable: true });
  privateKey = pair.privateKey;
  await writeFile(join(keyDir, 'public.pem'), await exportSPKI(pair.publicKey));
  await writeFile(join(keyDir, 'private.pem'), await exportPKCS8(pair.privateKey));
});
afterAll(async () => {
  await rm(keyDir, { recursive: true, force: true });
});

let running: TestBackend | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

const PROTECTED_ROUTES: Array<[method: string, path: string]> = [
  ['GET', '/whoami'],
  ['GET', '/deep/nested/whoami'],
  ['POST', '/items/42/actions'],
  ['GET', '/cookie-only/whoami'],
  ['GET', '/no/such/route'],
  ['DELETE', '/.backstage/auth/v1/cookie'],
];

interface Sweep {
  url: string;
  authPlugin: TestAuthPlugin;
  caller: WhoAmIPlugin;
}

async function start(config: Record<string, unknown> = {}): Promise<Sweep> {
  const authPlugin = await createTestAuthPlugin();
  const caller = createWhoAmIPlugin('caller');
  const alpha = createWhoAmIPlugin('alpha', {
    policies: [
      { path: '/public', allow: 'unauthenticated' },
      { path: '/cookie-only', allow: 'user-cookie' },
    ],
  });
  const beta = createWhoAmIPlugin('beta');
  running = await startTestBackend({
    features: [authPlugin.plugin, caller.plugin, alpha.plugin, beta.plugin],
    config: {
      backend: {
        auth: {
          pluginKeyStore: {
            type: 'static',
            static: {
              keys: [
                {
                  publicKeyFile: join(keyDir, 'public.pem'),
                  privateKeyFile: join(keyDir, 'private.pem'),
                  keyId: KID,
                },
              ],
            },
          },
          ...config,
        },
      },
    },
  });
  return { url: running.url, authPlugin, caller };
}

/** A plugin token from `caller`, signed with `key` (the real one by default). */
function pluginToken(
  target: string,
  options: { key?: CryptoKey; expiresIn?: number; alg?: string } = {},
) {
  const iat = Math.floor(Date.now() / 1000) - 7200;
  return new SignJWT({
    sub: 'caller',
    aud: target,
    iat,
    exp: iat + 7200 + (options.expiresIn ?? 3600),
  })
    .setProtectedHeader({ typ: 'vnd.backstage.plugin', alg: 'ES256', kid: KID })
    .sign(options.key ?? privateKey);
}

function unsignedToken(claims: object, header: object = { alg: 'none' }) {
  return `${base64url.encode(JSON.stringify(header))}.${base64url.encode(JSON.stringify(claims))}.`;
}

async function badTokens(
  sweep: Sweep,
  target: string,
): Promise<Array<[string, string | undefined]>> {
  const { auth } = sweep.caller.services();
  const other = await generateKeyPair('ES256');
  const own = await auth.getOwnServiceCredentials();
  const otherTarget = target === 'alpha' ? 'beta' : 'alpha';
  const now = Math.floor(Date.now() / 1000);
  return [
    ['no token', undefined],
    ['garbage', 'garbage'],
    ['garbage with dots', 'a.b.c'],
    ['expired plugin token', await pluginToken(target, { expiresIn: -60 })],
    ['plugin token signed by another key', await pluginToken(target, { key: other.privateKey })],
    [
      'plugin token for another audience',
      (await auth.getPluginRequestToken({ onBehalfOf: own, targetPluginId: otherTarget })).token,
    ],
    ['expired user token', await sweep.authPlugin.issueUserToken({ expiresInSeconds: -60 })],
    [
      'user token signed by another key',
      await sweep.authPlugin.issueUserToken({ foreignKey: true }),
    ],
    [
      'user token from another issuer',
      await sweep.authPlugin.issueUserToken({ iss: 'https://evil.example.com/api/auth' }),
    ],
    [
      'user token for another audience',
      await sweep.authPlugin.issueUserToken({ aud: 'other', typ: 'vnd.backstage.user' }),
    ],
    [
      'alg none plugin token',
      unsignedToken(
        { sub: 'caller', aud: target, iat: now, exp: now + 60 },
        { typ: 'vnd.backstage.plugin', alg: 'none' },
      ),
    ],
    [
      'alg none untyped user token',
      unsignedToken({ sub: 'user:default/x', aud: 'backstage', iat: now, exp: now + 60 }),
    ],
  ];
}

async function request(url: string, method: string, token?: string) {
  return fetch(url, {
    method,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
}

describe('the default auth policy', () => {
  it('refuses every protected route of every plugin without valid credentials', async () => {
    const sweep = await start();
    const failures: string[] = [];
    for (const plugin of ['alpha', 'beta']) {
      const tokens = await badTokens(sweep, plugin);
      for (const [method, path] of PROTECTED_ROUTES) {
        for (const [label, token] of tokens) {
          const res = await request(`${sweep.url}/api/${plugin}${path}`, method, token);
          const body = await res.json().catch(() => undefined);
          if (res.status !== 401 || body?.error?.name !== 'AuthenticationError') {
            failures.push(`${method} /api/${plugin}${path} with ${label}: ${res.status}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);

    // Past our 16 KiB token limit the header no longer fits Node's default header size either:
    // the server answers 431 before any code runs. (auth.authenticate's own 401 for oversized
    // tokens is tested in authenticate.test.ts.)
    const oversized = await request(
      `${sweep.url}/api/alpha/whoami`,
      'GET',
      'x'.repeat(16 * 1024 + 1),
    );
    expect(oversized.status).toBe(431);
  });

  it('lets a valid service token through on every route, as the calling plugin', async () => {
    const sweep = await start();
    const { auth } = sweep.caller.services();
    const own = await auth.getOwnServiceCredentials();
    for (const plugin of ['alpha', 'beta']) {
      const { token } = await auth.getPluginRequestToken({
        onBehalfOf: own,
        targetPluginId: plugin,
      });
      for (const [method, path] of [
        ['GET', '/whoami'],
        ['GET', '/deep/nested/whoami'],
        ['POST', '/items/42/actions'],
      ]) {
        const res = await request(`${sweep.url}/api/${plugin}${path}`, method, token);
        expect(res.status, `${method} /api/${plugin}${path}`).toBe(200);
        expect((await res.json()).principal).toEqual({ type: 'service', subject: 'plugin:caller' });
      }
      // Past the barrier, unknown routes are the plugin's to answer.
      expect((await request(`${sweep.url}/api/${plugin}/no/such/route`, 'GET', token)).status).toBe(
        404,
      );
    }
  });

  it('lets a valid user token through', async () => {
    const sweep = await start();
    const token = await sweep.authPlugin.issueUserToken({ sub: 'user:default/carol' });
    const res = await request(`${sweep.url}/api/beta/deep/nested/whoami`, 'GET', token);
    expect(res.status).toBe(200);
    expect((await res.json()).principal).toEqual({
      type: 'user',
      userEntityRef: 'user:default/carol',
    });
  });

  it('lets requests to unauthenticated paths through without a token, as principal none', async () => {
    const sweep = await start();
    for (const path of ['/public/whoami', '/public/deeper/whoami']) {
      const res = await request(`${sweep.url}/api/alpha${path}`, 'GET');
      expect(res.status, path).toBe(200);
      expect((await res.json()).principal).toEqual({ type: 'none' });
    }
    // The same path in another plugin is not public.
    expect((await request(`${sweep.url}/api/beta/public/whoami`, 'GET')).status).toBe(401);
    // A bad token on a public path is not silently ignored by the route's own check.
    const res = await request(`${sweep.url}/api/alpha/public/whoami`, 'GET', 'garbage');
    expect(res.status).toBe(401);
  });

  it("publishes each plugin's public keys without credentials", async () => {
    const sweep = await start();
    const res = await fetch(`${sweep.url}/api/beta/.backstage/auth/v1/jwks.json`);
    expect(res.status).toBe(200);
    const { keys } = await res.json();
    expect(keys).toEqual([
      expect.objectContaining({ kid: KID, alg: 'ES256', kty: 'EC', crv: 'P-256', use: 'sig' }),
    ]);
    expect(keys[0]).not.toHaveProperty('d');
  });

  it('says what is missing, in the Backstage error shape', async () => {
    const sweep = await start();
    const res = await request(`${sweep.url}/api/alpha/whoami`, 'GET');
    expect(await res.json()).toEqual({
      error: { name: 'AuthenticationError', message: 'Missing credentials' },
      request: { method: 'GET', url: '/api/alpha/whoami' },
      response: { statusCode: 401 },
    });
    const basic = await fetch(`${sweep.url}/api/alpha/whoami`, {
      headers: { authorization: 'Basic dXNlcjpwYXNz' },
    });
    expect((await basic.json()).error.message).toBe(
      "Missing credentials (the Authorization header is not 'Bearer <token>')",
    );
  });

  it('lets everything through as principal none when dangerouslyDisableDefaultAuthPolicy is set', async () => {
    const sweep = await start({ dangerouslyDisableDefaultAuthPolicy: true });
    for (const path of ['/whoami', '/deep/nested/whoami']) {
      const res = await request(`${sweep.url}/api/beta${path}`, 'GET');
      expect(res.status, path).toBe(200);
      expect((await res.json()).principal).toEqual({ type: 'none' });
    }
    const post = await request(`${sweep.url}/api/alpha/items/1/actions`, 'POST');
    expect(post.status).toBe(200);
    // none can still call other plugins: the token is empty instead of an error.
    const { auth } = sweep.caller.services();
    await expect(
      auth.getPluginRequestToken({
        onBehalfOf: await auth.getNoneCredentials(),
        targetPluginId: 'beta',
      }),
    ).resolves.toEqual({ token: '' });
  });

  it('refuses plugin tokens whose obo is not a valid user token', async () => {
    const sweep = await start();
    const iat = Math.floor(Date.now() / 1000);
    const limited = decodeJwt(await sweep.authPlugin.issueUserToken()).uip as string;
    const cases: Array<[string, string]> = [
      ['garbage', 'not-a-token'],
      ['a plugin token', await pluginToken('alpha')],
      [
        'a user token with a forged signature',
        `${(await sweep.authPlugin.issueUserToken()).split('.').slice(0, 2).join('.')}.${limited}`,
      ],
      ['an expired user token', await sweep.authPlugin.issueUserToken({ expiresInSeconds: -30 })],
    ];
    for (const [label, obo] of cases) {
      const token = await new SignJWT({ sub: 'caller', aud: 'alpha', iat, exp: iat + 60, obo })
        .setProtectedHeader({ typ: 'vnd.backstage.plugin', alg: 'ES256', kid: KID })
        .sign(privateKey);
      const res = await request(`${sweep.url}/api/alpha/whoami`, 'GET', token);
      expect(res.status, label).toBe(401);
      expect((await res.json()).error.message, label).toMatch(
        /^Invalid user token in plugin token obo claim/,
      );
    }
  });
});

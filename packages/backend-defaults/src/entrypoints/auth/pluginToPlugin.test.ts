import { startTestBackend, type TestBackend } from '@greenroom/backend-test-utils';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestAuthPlugin } from './testing/createTestAuthPlugin';
import { createWhoAmIPlugin } from './testing/createWhoAmIPlugin';

// Plugin a calls plugin b over real HTTP, found through discovery, with tokens from core.auth.
let running: TestBackend | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

/** a's `GET /call-b` calls b's `/whoami` as plugin a, or with `?obo` on behalf of its caller. */
function callerPlugin() {
  return createWhoAmIPlugin('a', {
    extend(router, services) {
      router.get('/call-b', async (req, res) => {
        const credentials = await services.httpAuth.credentials(req, {
          allow: ['user', 'service'],
        });
        const onBehalfOf =
          req.query.obo !== undefined
            ? credentials
            : await services.auth.getOwnServiceCredentials();
        const { token } = await services.auth.getPluginRequestToken({
          onBehalfOf,
          targetPluginId: 'b',
        });
        const target = req.query.path ?? '/whoami';
        const response = await fetch(`${await services.discovery.getBaseUrl('b')}${target}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        res.status(response.status).json(await response.json());
      });
    },
  });
}

async function start() {
  const authPlugin = await createTestAuthPlugin();
  const a = callerPlugin();
  const b = createWhoAmIPlugin('b', {
    extend(router, services) {
      router.get('/ownership', async (req, res) => {
        const credentials = await services.httpAuth.credentials(req, { allow: ['user'] });
        res.json(await services.userInfo.getUserInfo(credentials));
      });
    },
  });
  running = await startTestBackend({ features: [authPlugin.plugin, a.plugin, b.plugin] });
  return { url: running.url, authPlugin, a, b };
}

describe('plugin-to-plugin calls', () => {
  it("issues plugin tokens with Backstage's header and claims", async () => {
    const { a } = await start();
    const { auth } = a.services();
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: 'b',
    });
    expect(decodeProtectedHeader(token)).toEqual({
      typ: 'vnd.backstage.plugin',
      alg: 'ES256',
      kid: expect.any(String),
    });
    const claims = decodeJwt(token);
    expect(claims).toEqual({
      sub: 'a',
      aud: 'b',
      iat: expect.any(Number),
      exp: expect.any(Number),
    });
    expect(claims.exp! - claims.iat!).toBe(3600);
  });

  it('lets a call b with its service token; b sees service principal plugin:a', async () => {
    const { url, authPlugin } = await start();
    const userToken = await authPlugin.issueUserToken();
    const res = await fetch(`${url}/api/a/call-b`, {
      headers: { authorization: `Bearer ${userToken}` },
    });
    expect(res.status).toBe(200);
    expect((await res.json()).principal).toEqual({ type: 'service', subject: 'plugin:a' });
  });

  it("carries the user's identity on behalf-of calls; b sees the user with actor plugin:a", async () => {
    const { url, authPlugin, a } = await start();
    const userToken = await authPlugin.issueUserToken({ sub: 'user:default/bob' });
    const res = await fetch(`${url}/api/a/call-b?obo`, {
      headers: { authorization: `Bearer ${userToken}` },
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.principal).toEqual({
      type: 'user',
      userEntityRef: 'user:default/bob',
      actor: { subject: 'plugin:a' },
    });
    expect(new Date(body.expiresAt).getTime()).toBeLessThanOrEqual(
      decodeJwt(userToken).exp! * 1000,
    );

    // The token names the user through a limited token (the uip), never the full token.
    const { auth } = a.services();
    const credentials = await auth.authenticate(userToken);
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: credentials,
      targetPluginId: 'b',
    });
    const { obo } = decodeJwt(token) as { obo: string };
    expect(decodeProtectedHeader(obo).typ).toBe('vnd.backstage.limited-user');
    expect(decodeJwt(obo)).toEqual({
      sub: 'user:default/bob',
      iat: expect.any(Number),
      exp: expect.any(Number),
    });
    expect(obo).not.toBe(userToken);
  });

  it('lets b look up the ownership of a user reached on behalf of, through the auth plugin', async () => {
    const { url, authPlugin } = await start();
    authPlugin.ownership.set('user:default/bob', ['user:default/bob', 'group:default/team']);
    const userToken = await authPlugin.issueUserToken({ sub: 'user:default/bob' });
    const res = await fetch(`${url}/api/a/call-b?obo&path=/ownership`, {
      headers: { authorization: `Bearer ${userToken}` },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      userEntityRef: 'user:default/bob',
      ownershipEntityRefs: ['user:default/bob', 'group:default/team'],
    });
    expect(authPlugin.userInfoRequests).toEqual(['user:default/bob']);
  });

  it('refuses a token for b at a, and a token a issued for itself at b', async () => {
    const { url, a } = await start();
    const { auth } = a.services();
    const own = await auth.getOwnServiceCredentials();
    const forB = (await auth.getPluginRequestToken({ onBehalfOf: own, targetPluginId: 'b' })).token;
    const forA = (await auth.getPluginRequestToken({ onBehalfOf: own, targetPluginId: 'a' })).token;

    const atA = await fetch(`${url}/api/a/whoami`, {
      headers: { authorization: `Bearer ${forB}` },
    });
    expect(atA.status).toBe(401);
    expect((await atA.json()).error.message).toBe(
      "Failed plugin token verification: the token is meant for plugin 'b', not 'a'",
    );
    const atB = await fetch(`${url}/api/b/whoami`, {
      headers: { authorization: `Bearer ${forA}` },
    });
    expect(atB.status).toBe(401);
    expect((await atB.json()).error.message).toContain("meant for plugin 'a', not 'b'");
  });

  it('refuses to issue a token for none credentials, and for a bad target', async () => {
    const { a } = await start();
    const { auth } = a.services();
    await expect(
      auth.getPluginRequestToken({
        onBehalfOf: await auth.getNoneCredentials(),
        targetPluginId: 'b',
      }),
    ).rejects.toThrow("Refused to issue service token for credential type 'none'");
    await expect(
      auth.getPluginRequestToken({
        onBehalfOf: await auth.getOwnServiceCredentials(),
        targetPluginId: '../b',
      }),
    ).rejects.toThrow('targetPluginId must be a plugin id');
  });
});

import { startTestBackend, type TestBackend } from '@greenroom/backend-test-utils';
import type { JsonObject } from '@greenroom/config';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestAuthPlugin } from '../auth/testing/createTestAuthPlugin';
import { createWhoAmIPlugin } from '../auth/testing/createWhoAmIPlugin';

let running: TestBackend | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

const COOKIE_POLICY = { path: '/cookie-only', allow: 'user-cookie' as const };

async function start(config: JsonObject = {}) {
  const authPlugin = await createTestAuthPlugin();
  const alpha = createWhoAmIPlugin('alpha', { policies: [COOKIE_POLICY] });
  const beta = createWhoAmIPlugin('beta', { policies: [COOKIE_POLICY] });
  running = await startTestBackend({
    features: [authPlugin.plugin, alpha.plugin, beta.plugin],
    config,
  });
  return { url: running.url, authPlugin, alpha, beta };
}

async function getCookie(url: string, plugin: string, token: string, cookie?: string) {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (cookie) headers.cookie = cookie;
  return fetch(`${url}/api/${plugin}/.backstage/auth/v1/cookie`, { headers });
}

/** `name=value` of the first Set-Cookie header, as a browser would send it back. */
function cookiePair(res: Response): string {
  const setCookie = res.headers.getSetCookie()[0];
  return setCookie.split(';')[0];
}

describe('plugin-scoped user cookies', () => {
  it('issues a cookie scoped to the plugin path for a full user token', async () => {
    const { url, authPlugin } = await start();
    const token = await authPlugin.issueUserToken({ sub: 'user:default/erin' });
    const res = await getCookie(url, 'alpha', token);
    expect(res.status).toBe(200);
    const { expiresAt } = await res.json();
    expect(new Date(expiresAt).getTime()).toBe(decodeJwt(token).exp! * 1000);

    const [setCookie] = res.headers.getSetCookie();
    const attributes = setCookie.split('; ').slice(1);
    expect(attributes).toEqual(
      expect.arrayContaining(['Path=/api/alpha', 'HttpOnly', 'SameSite=Lax']),
    );
    expect(attributes).not.toContain('Secure');
    expect(attributes.find(a => a.startsWith('Expires='))).toBe(
      `Expires=${new Date(expiresAt).toUTCString()}`,
    );

    // The value is bound to alpha: signed by alpha, for alpha, carrying the user's limited token.
    const value = decodeURIComponent(cookiePair(res).split('=')[1]);
    expect(decodeProtectedHeader(value).typ).toBe('vnd.greenroom.plugin-cookie');
    const claims = decodeJwt(value) as { sub: string; aud: string; obo: string };
    expect([claims.sub, claims.aud]).toEqual(['alpha', 'alpha']);
    expect(decodeProtectedHeader(claims.obo).typ).toBe('vnd.backstage.limited-user');
    expect(decodeJwt(claims.obo)).not.toHaveProperty('ent');
  });

  it('lets the cookie in on user-cookie routes of its plugin only', async () => {
    const { url, authPlugin } = await start();
    const token = await authPlugin.issueUserToken({ sub: 'user:default/erin' });
    const cookie = cookiePair(await getCookie(url, 'alpha', token));

    const allowed = await fetch(`${url}/api/alpha/cookie-only/whoami`, { headers: { cookie } });
    expect(allowed.status).toBe(200);
    expect((await allowed.json()).principal).toEqual({
      type: 'user',
      userEntityRef: 'user:default/erin',
    });

    // A route without the user-cookie policy ignores the cookie.
    const strict = await fetch(`${url}/api/alpha/whoami`, { headers: { cookie } });
    expect(strict.status).toBe(401);
    expect((await strict.json()).error.message).toBe('Missing credentials');

    // Sent to another plugin by hand (no browser path scoping), it is refused.
    const elsewhere = await fetch(`${url}/api/beta/cookie-only/whoami`, { headers: { cookie } });
    expect(elsewhere.status).toBe(401);
    expect((await elsewhere.json()).error.message).toBe(
      "Failed cookie verification: the cookie belongs to plugin 'alpha', not 'beta'",
    );
  });

  it('refuses a cookie that holds anything but a cookie token of the plugin', async () => {
    const { url, authPlugin, alpha } = await start();
    const { auth } = alpha.services();
    const full = await auth.authenticate(await authPlugin.issueUserToken());
    const { token: limited } = await auth.getLimitedUserToken(full as never);
    for (const value of [limited, await authPlugin.issueUserToken(), 'garbage']) {
      const res = await fetch(`${url}/api/alpha/cookie-only/whoami`, {
        headers: { cookie: `backstage-auth=${value}` },
      });
      expect(res.status).toBe(401);
      expect((await res.json()).error.message).toBe(
        "Failed cookie verification: the backstage-auth cookie was not issued by plugin 'alpha'",
      );
    }
  });

  it("picks the plugin's cookie when an older one with a wider path is sent too", async () => {
    const { url, authPlugin } = await start();
    const token = await authPlugin.issueUserToken({ sub: 'user:default/erin' });
    const cookie = cookiePair(await getCookie(url, 'alpha', token));
    const res = await fetch(`${url}/api/alpha/cookie-only/whoami`, {
      headers: { cookie: `${cookie}; backstage-auth=stale-from-another-install` },
    });
    expect(res.status).toBe(200);
  });

  it('only exchanges full user tokens for a cookie', async () => {
    const { url, alpha } = await start();
    const { auth } = alpha.services();
    const { token: serviceToken } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: 'alpha',
    });
    const asService = await getCookie(url, 'alpha', serviceToken);
    expect(asService.status).toBe(403);
    expect((await asService.json()).error.message).toBe(
      "This endpoint does not allow 'service' credentials",
    );
    const anonymous = await fetch(`${url}/api/alpha/.backstage/auth/v1/cookie`);
    expect(anonymous.status).toBe(401);
  });

  it('keeps a cookie with more than 5 minutes left instead of issuing a new one', async () => {
    const { url, authPlugin } = await start();
    const token = await authPlugin.issueUserToken({ sub: 'user:default/erin' });
    const first = await getCookie(url, 'alpha', token);
    const { expiresAt } = await first.json();
    const again = await getCookie(url, 'alpha', token, cookiePair(first));
    expect(await again.json()).toEqual({ expiresAt });
    // Never cached, so a browser always asks (and gets the Set-Cookie when one is due).
    expect(again.headers.get('cache-control')).toBe('no-store');
    expect(again.headers.get('etag')).toBeNull();
    expect(again.headers.getSetCookie()).toEqual([]);

    // A different user's token gets their own cookie.
    const other = await getCookie(
      url,
      'alpha',
      await authPlugin.issueUserToken({ sub: 'user:default/frank' }),
      cookiePair(first),
    );
    expect(other.headers.getSetCookie()).toHaveLength(1);
  });

  it('clears the cookie on DELETE with 204', async () => {
    const { url, authPlugin } = await start();
    const token = await authPlugin.issueUserToken();
    const res = await fetch(`${url}/api/alpha/.backstage/auth/v1/cookie`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(204);
    const [setCookie] = res.headers.getSetCookie();
    expect(setCookie).toMatch(/^backstage-auth=; /);
    expect(setCookie).toContain('Path=/api/alpha');
    expect(setCookie).toContain('Expires=Thu, 01 Jan 1970 00:00:00 GMT');
  });

  it('marks the cookie Secure and scopes it under the base path when backend.baseUrl is https', async () => {
    const { url, authPlugin } = await start({
      backend: { baseUrl: 'https://portal.example.com/backstage' },
    });
    const token = await authPlugin.issueUserToken();
    const res = await getCookie(url, 'alpha', token);
    expect(res.status).toBe(200);
    const attributes = res.headers.getSetCookie()[0].split('; ');
    expect(attributes).toEqual(
      expect.arrayContaining(['Path=/backstage/api/alpha', 'Secure', 'HttpOnly', 'SameSite=Lax']),
    );
  });

  it('answers user info for cookie credentials through the auth plugin, once per token', async () => {
    const { url, authPlugin } = await start();
    authPlugin.ownership.set('user:default/erin', ['user:default/erin', 'group:default/ops']);
    const cookie = cookiePair(
      await getCookie(url, 'alpha', await authPlugin.issueUserToken({ sub: 'user:default/erin' })),
    );
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${url}/api/alpha/cookie-only/ownership`, { headers: { cookie } });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({
        userEntityRef: 'user:default/erin',
        ownershipEntityRefs: ['user:default/erin', 'group:default/ops'],
      });
    }
    expect(authPlugin.userInfoRequests).toEqual(['user:default/erin']);
  });

  it("scopes the app plugin's cookie to the backend root, where the frontend is served", async () => {
    for (const [baseUrl, path] of [
      [undefined, '/'],
      ['https://portal.example.com/backstage', '/backstage'],
    ] as const) {
      const authPlugin = await createTestAuthPlugin();
      const app = createWhoAmIPlugin('app', { policies: [COOKIE_POLICY] });
      running = await startTestBackend({
        features: [authPlugin.plugin, app.plugin],
        config: baseUrl ? { backend: { baseUrl } } : {},
      });
      const token = await authPlugin.issueUserToken({ sub: 'user:default/erin' });
      const issued = await getCookie(running.url, 'app', token);
      expect(issued.status).toBe(200);
      expect(issued.headers.getSetCookie()[0].split('; ')).toContain(`Path=${path}`);
      const cleared = await fetch(`${running.url}/api/app/.backstage/auth/v1/cookie`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(cleared.status).toBe(204);
      expect(cleared.headers.getSetCookie()[0].split('; ')).toContain(`Path=${path}`);
      // Still bound to the app plugin: the cookie opens its user-cookie routes only.
      const cookie = cookiePair(issued);
      const own = await fetch(`${running.url}/api/app/cookie-only/whoami`, { headers: { cookie } });
      expect(own.status).toBe(200);
      await running.stop();
      running = undefined;
    }
  });
});

import { decodeJwt } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { popupSignIn, startWithTestProvider } from '../testing/oauthFlow';
import { APP_ORIGIN, type AuthTestBackend } from '../testing/startAuthTestBackend';
import { TestBrowser } from '@greenroom/backend-test-utils';
import {
  createTestIdentityProvider,
  type TestIdentityProvider,
} from '../testing/testOAuthProviderModule';

let backend: AuthTestBackend | undefined;
afterEach(async () => {
  await backend?.stop();
  backend = undefined;
});

async function start(idp?: TestIdentityProvider) {
  backend = await startWithTestProvider(idp);
  return backend;
}

describe('OAuth sessions: refresh and logout', () => {
  it('refresh issues a new token from the stored session, and requires the X-Requested-With header', async () => {
    const b = await start();
    const browser = new TestBrowser();
    await popupSignIn(b, browser);

    const noHeader = await browser.fetch(`${b.authUrl}/test/refresh?env=development`);
    expect(noHeader.status).toBe(401);
    expect((await noHeader.json()).error.message).toBe('Invalid X-Requested-With header');

    const refreshed = await browser.fetch(`${b.authUrl}/test/refresh?env=development`, {
      headers: { 'x-requested-with': 'XMLHttpRequest' },
    });
    expect(refreshed.status).toBe(200);
    const body = await refreshed.json();
    expect(body.profile).toEqual({ email: 'jdoe@example.com', displayName: 'Test User' });
    expect(body.backstageIdentity.identity.userEntityRef).toBe('user:default/jdoe');
    expect(decodeJwt(body.backstageIdentity.token).sub).toBe('user:default/jdoe');

    const noCookie = await new TestBrowser().fetch(`${b.authUrl}/test/refresh?env=development`, {
      headers: { 'x-requested-with': 'XMLHttpRequest' },
    });
    expect(noCookie.status).toBe(401);
    expect((await noCookie.json()).error.message).toBe('Refresh failed');

    const forged = new TestBrowser();
    forged.setCookie(new URL(b.url).host, 'test-refresh-token', 'not-a-session');
    const forgedResponse = await forged.fetch(`${b.authUrl}/test/refresh`, {
      headers: { 'x-requested-with': 'XMLHttpRequest' },
    });
    expect(forgedResponse.status).toBe(401);
  });

  it('ends the session when the identity provider refuses the refresh token', async () => {
    const idp = createTestIdentityProvider();
    const b = await start(idp);
    const browser = new TestBrowser();
    await popupSignIn(b, browser);
    idp.revoked.add(idp.issuedRefreshTokens[0]);
    const refresh = () =>
      browser.fetch(`${b.authUrl}/test/refresh`, {
        headers: { 'x-requested-with': 'XMLHttpRequest' },
      });
    const refused = await refresh();
    expect(refused.status).toBe(401);
    expect((await refused.json()).error.message).toBe('Refresh failed');
    expect(browser.cookie(new URL(b.url).host, 'test-refresh-token')).toBeUndefined();
  });

  it('logout needs an allowed Origin, revokes upstream, clears the cookie and ends the session', async () => {
    const idp = createTestIdentityProvider();
    const b = await start(idp);
    const browser = new TestBrowser();
    await popupSignIn(b, browser);
    const handle = browser.cookie(new URL(b.url).host, 'test-refresh-token')!;

    const headers = { 'x-requested-with': 'XMLHttpRequest' };
    const noOrigin = await browser.fetch(`${b.authUrl}/test/logout`, { method: 'POST', headers });
    expect(noOrigin.status).toBe(403);
    const evil = await browser.fetch(`${b.authUrl}/test/logout`, {
      method: 'POST',
      headers: { ...headers, origin: 'https://evil.example' },
    });
    expect(evil.status).toBe(403);
    expect((await evil.json()).error.message).toBe("Origin 'https://evil.example' is not allowed");

    const out = await browser.fetch(`${b.authUrl}/test/logout`, {
      method: 'POST',
      headers: { ...headers, origin: APP_ORIGIN },
    });
    expect(out.status).toBe(200);
    expect(await out.text()).toBe('');
    expect(idp.revoked.has(idp.issuedRefreshTokens[0])).toBe(true);
    expect(browser.cookie(new URL(b.url).host, 'test-refresh-token')).toBeUndefined();

    // The old cookie value no longer opens a session, even if a client kept it.
    const replay = new TestBrowser();
    replay.setCookie(new URL(b.url).host, 'test-refresh-token', handle);
    const after = await replay.fetch(`${b.authUrl}/test/refresh`, { headers });
    expect(after.status).toBe(401);
  });
});

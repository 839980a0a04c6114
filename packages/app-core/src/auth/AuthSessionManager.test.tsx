import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UrlDiscoveryApi } from '../apis/UrlDiscoveryApi';
import { WebStorageApi } from '../apis/WebStorageApi';
import { BACKEND, fakeBackendFetch, guestResponse } from '../testing/fakeBackendFetch';
import { AuthSessionManager } from './AuthSessionManager';
import type { AuthSessionManagerOptions } from './AuthSessionManager';
import { openAuthPopup } from './openAuthPopup';

let clock = 0;

function manager(overrides: Partial<AuthSessionManagerOptions> = {}) {
  return new AuthSessionManager({
    discovery: new UrlDiscoveryApi(BACKEND),
    storage: WebStorageApi.create().forBucket('auth'),
    environment: 'development',
    appOrigin: 'http://localhost:3000',
    now: () => clock,
    ...overrides,
  });
}

beforeEach(() => {
  clock = 1_000_000;
  localStorage.clear();
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('AuthSessionManager', () => {
  it('signs in as guest through refresh, with the CSRF header and the cookie', async () => {
    const backend = fakeBackendFetch({ providers: ['guest'] });
    vi.stubGlobal('fetch', backend.fetch);
    const sessions = manager();
    await sessions.signIn('guest');

    const [refresh] = backend.requests;
    expect(refresh.url).toBe(`${BACKEND}/api/auth/guest/refresh?env=development`);
    expect(refresh.headers.get('x-requested-with')).toBe('XMLHttpRequest');
    expect(refresh.credentials).toBe('include');
    expect(await sessions.getCredentials()).toEqual({ token: 'guest-token-1' });
    expect(await sessions.getBackstageIdentity()).toEqual({
      type: 'user',
      userEntityRef: 'user:development/guest',
      ownershipEntityRefs: ['user:development/guest', 'group:default/team-a'],
    });
    expect(await sessions.getProfileInfo()).toEqual({ displayName: 'Guest' });
  });

  it('refreshes the token before it expires, once for concurrent callers', async () => {
    const backend = fakeBackendFetch({ providers: ['guest'], expiresInSeconds: 3600 });
    vi.stubGlobal('fetch', backend.fetch);
    const sessions = manager();
    await sessions.signIn('guest');

    clock += 50 * 60 * 1000; // 10 minutes left: still fine
    expect(await sessions.getCredentials()).toEqual({ token: 'guest-token-1' });
    clock += 6 * 60 * 1000; // 4 minutes left: inside the five-minute margin
    const [a, b] = await Promise.all([sessions.getCredentials(), sessions.getCredentials()]);
    expect([a, b]).toEqual([{ token: 'guest-token-2' }, { token: 'guest-token-2' }]);
    expect(backend.requests.filter(r => r.url.includes('/refresh'))).toHaveLength(2);
  });

  it('keeps a still valid token when a refresh fails, and signs out once it has expired', async () => {
    let refuse = false;
    const backend = fakeBackendFetch({
      providers: ['guest'],
      route: request =>
        refuse && request.url.includes('/refresh')
          ? new Response('{"error":{"name":"AuthenticationError","message":"Refresh failed"}}', {
              status: 401,
            })
          : undefined,
    });
    vi.stubGlobal('fetch', backend.fetch);
    const sessions = manager();
    await sessions.signIn('guest');
    refuse = true;

    clock += 58 * 60 * 1000;
    expect(await sessions.getCredentials()).toEqual({ token: 'guest-token-1' });
    clock += 3 * 60 * 1000;
    await expect(sessions.getCredentials()).rejects.toThrow('Refresh failed');
    expect(sessions.getSession()).toBeUndefined();
    expect(await sessions.getCredentials()).toEqual({});
  });

  it('restores the last session after a reload, and forgets a session that cannot be restored', async () => {
    const backend = fakeBackendFetch({ providers: ['guest'] });
    vi.stubGlobal('fetch', backend.fetch);
    await manager().signIn('guest');

    const reloaded = manager();
    expect(reloaded.hasStoredProvider()).toBe(true);
    expect(await reloaded.restore()).toBe(true);
    expect(reloaded.getSession()?.identity.userEntityRef).toBe('user:development/guest');

    vi.stubGlobal('fetch', fakeBackendFetch({ guestRefused: true }).fetch);
    const refused = manager();
    expect(await refused.restore()).toBe(false);
    expect(refused.hasStoredProvider()).toBe(false);
  });

  it("passes on the backend's reason when sign-in is refused", async () => {
    vi.stubGlobal('fetch', fakeBackendFetch({ providers: ['guest'], guestRefused: true }).fetch);
    await expect(manager().signIn('guest')).rejects.toThrow(
      'The guest provider cannot be used outside of a development environment',
    );
  });

  it('signs out: logout with the CSRF header, session and remembered provider gone', async () => {
    const backend = fakeBackendFetch({ providers: ['guest'] });
    vi.stubGlobal('fetch', backend.fetch);
    const sessions = manager();
    await sessions.signIn('guest');
    await sessions.signOut();

    const logout = backend.requests.at(-1)!;
    expect(logout.method).toBe('POST');
    expect(logout.url).toBe(`${BACKEND}/api/auth/guest/logout`);
    expect(logout.headers.get('x-requested-with')).toBe('XMLHttpRequest');
    expect(sessions.getSession()).toBeUndefined();
    expect(manager().hasStoredProvider()).toBe(false);
    await expect(sessions.getBackstageIdentity()).rejects.toThrow('Not signed in');
  });

  it('signs in with OIDC through the popup, with env and origin in the start URL', async () => {
    vi.stubGlobal('fetch', fakeBackendFetch({ providers: ['oidc'] }).fetch);
    const opened: string[] = [];
    const sessions = manager({
      environment: 'production',
      popup: async (url, origin) => {
        opened.push(url, origin);
        return guestResponse('oidc-token');
      },
    });
    await sessions.signIn('oidc');
    const start = new URL(opened[0]);
    expect(start.origin + start.pathname).toBe(`${BACKEND}/api/auth/oidc/start`);
    expect(start.searchParams.get('env')).toBe('production');
    expect(start.searchParams.get('origin')).toBe('http://localhost:3000');
    expect(opened[1]).toBe(BACKEND);
    expect(await sessions.getCredentials()).toEqual({ token: 'oidc-token' });
  });

  it('refuses a response without a user identity', async () => {
    const backend = fakeBackendFetch({
      route: request =>
        request.url.includes('/github/refresh')
          ? Response.json({ profile: {}, providerInfo: {} })
          : undefined,
    });
    vi.stubGlobal('fetch', backend.fetch);
    const sessions = manager({ popup: async () => ({ profile: {}, providerInfo: {} }) });
    await expect(sessions.signIn('github')).rejects.toThrow(
      "The 'github' provider answered without a user identity",
    );
    // The popup's payload lacked the identity, so the refresh cookie was asked for it.
    expect(backend.requests.map(r => new URL(r.url).pathname)).toEqual([
      '/api/auth/github/refresh',
    ]);
    expect(sessions.getSession()).toBeUndefined();
  });
});

describe('openAuthPopup', () => {
  function fakePopup() {
    const popup = { closed: false };
    vi.stubGlobal('open', () => popup);
    return popup;
  }

  it('resolves with the authorization_response from the expected origin only', async () => {
    fakePopup();
    const result = openAuthPopup('http://auth.test/start', 'http://auth.test');
    window.dispatchEvent(
      new MessageEvent('message', {
        origin: 'http://evil.test',
        data: { type: 'authorization_response', response: 'forged' },
      }),
    );
    window.dispatchEvent(
      new MessageEvent('message', { origin: 'http://auth.test', data: { type: 'config_info' } }),
    );
    window.dispatchEvent(
      new MessageEvent('message', {
        origin: 'http://auth.test',
        data: { type: 'authorization_response', response: 'genuine' },
      }),
    );
    await expect(result).resolves.toBe('genuine');
  });

  it('rejects with the error the backend posted', async () => {
    fakePopup();
    const result = openAuthPopup('http://auth.test/start', 'http://auth.test');
    window.dispatchEvent(
      new MessageEvent('message', {
        origin: 'http://auth.test',
        data: { type: 'authorization_response', error: { name: 'Error', message: 'Login denied' } },
      }),
    );
    await expect(result).rejects.toThrow('Login denied');
  });

  it('rejects when the popup is closed or blocked', async () => {
    vi.useFakeTimers();
    const popup = fakePopup();
    const result = openAuthPopup('http://auth.test/start', 'http://auth.test');
    popup.closed = true;
    vi.advanceTimersByTime(600);
    await expect(result).rejects.toThrow('closed before signing in');

    vi.stubGlobal('open', () => null);
    await expect(openAuthPopup('http://auth.test/start', 'http://auth.test')).rejects.toThrow(
      'blocked',
    );
  });
});

import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WebStorageApi } from '../apis/WebStorageApi';
import { APP_MODE_META } from '../auth/appCookie';
import type { RecordedRequest } from '../testing/fakeBackendFetch';
import { BACKEND, fakeBackendFetch } from '../testing/fakeBackendFetch';
import { renderApp, resetBrowser } from '../testing/renderApp';
import { createPublicApp } from './createPublicApp';

// Both halves of protected mode against the fake backend: the public bundle signs in and trades
// the token for the app's cookie; the full app keeps the cookie fresh and drops it on sign-out.

const COOKIE_URL = `${BACKEND}/api/app/.backstage/auth/v1/cookie`;
const data = { app: { title: 'Test Portal' }, backend: { baseUrl: BACKEND } };

function setAppMode(mode: 'public' | 'protected') {
  const meta = document.createElement('meta');
  meta.name = APP_MODE_META;
  meta.content = mode;
  document.head.appendChild(meta);
}

function cookieRoute(status = 200) {
  return (request: RecordedRequest) => {
    if (request.url !== COOKIE_URL) return undefined;
    if (request.method === 'DELETE') return new Response(null, { status: 204 });
    if (status !== 200) {
      return new Response(JSON.stringify({ error: { name: 'X', message: 'cookie refused' } }), {
        status,
        headers: { 'content-type': 'application/json' },
      });
    }
    const expiresAt = new Date(Date.now() + 3600_000).toISOString();
    return new Response(JSON.stringify({ expiresAt }), {
      headers: { 'content-type': 'application/json' },
    });
  };
}

function renderPublicApp(options: { cookieStatus?: number } = {}) {
  const backend = fakeBackendFetch({
    providers: ['guest'],
    route: cookieRoute(options.cookieStatus),
  });
  vi.stubGlobal('fetch', backend.fetch);
  const reload = vi.fn();
  const PublicApp = createPublicApp({ configLoader: () => [{ context: 'test', data }], reload });
  render(<PublicApp />);
  return { backend, reload };
}

const cookieRequests = (requests: RecordedRequest[]) =>
  requests.filter(request => request.url === COOKIE_URL);

beforeEach(() => {
  resetBrowser();
  sessionStorage.clear();
});
afterEach(() => {
  cleanup();
  document.querySelectorAll(`meta[name="${APP_MODE_META}"]`).forEach(meta => meta.remove());
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the public bundle', () => {
  beforeEach(() => setAppMode('public'));

  it('signs in, exchanges the user token for the app cookie, then reloads', async () => {
    const { backend, reload } = renderPublicApp();
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Sign in to Test Portal' }),
    ).toBeTruthy();
    expect(reload).not.toHaveBeenCalled();
    await userEvent.click(await screen.findByRole('button', { name: 'Enter as guest' }));
    await vi.waitFor(() => expect(reload).toHaveBeenCalledTimes(1));
    const [cookie] = cookieRequests(backend.requests);
    expect(cookie.method).toBe('GET');
    expect(cookie.headers.get('authorization')).toBe('Bearer guest-token-1');
    expect(cookie.credentials).toBe('include');
    // No shell here: the full app comes with the reload.
    expect(screen.queryByRole('navigation')).toBeNull();
  });

  it('restores the last session without a click, and opens the app', async () => {
    WebStorageApi.create().forBucket('auth').set('provider', 'guest');
    const { backend, reload } = renderPublicApp();
    await vi.waitFor(() => expect(reload).toHaveBeenCalledTimes(1));
    expect(cookieRequests(backend.requests)).toHaveLength(1);
  });

  it('says so when the cookie endpoint refuses, and does not reload', async () => {
    const { reload } = renderPublicApp({ cookieStatus: 500 });
    await userEvent.click(await screen.findByRole('button', { name: 'Enter as guest' }));
    expect(await screen.findByText('Sign-in failed: cookie refused')).toBeTruthy();
    expect(reload).not.toHaveBeenCalled();
  });

  it('stops instead of reloading forever when the cookie did not take', async () => {
    WebStorageApi.create().forBucket('auth').set('provider', 'guest');
    sessionStorage.setItem('greenroom:app-cookie-reload', String(Date.now() - 2000));
    const { backend, reload } = renderPublicApp();
    await userEvent.click(await screen.findByRole('button', { name: 'Enter as guest' }));
    expect(await screen.findByText(/the server did not accept the session cookie/)).toBeTruthy();
    expect(reload).not.toHaveBeenCalled();
    expect(cookieRequests(backend.requests)).toHaveLength(0);
  });

  it('speaks German like the full app', async () => {
    localStorage.clear();
    vi.spyOn(window.navigator, 'languages', 'get').mockReturnValue(['de']);
    renderPublicApp();
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Bei Test Portal anmelden' }),
    ).toBeTruthy();
  });
});

describe('the full app behind the cookie', () => {
  beforeEach(() => {
    setAppMode('protected');
    WebStorageApi.create().forBucket('auth').set('provider', 'guest');
  });

  it('refreshes the cookie once signed in', async () => {
    const { backend } = renderApp({ backend: { route: cookieRoute() } });
    expect(await screen.findByRole('navigation', { name: 'Main' })).toBeTruthy();
    await vi.waitFor(() => expect(cookieRequests(backend.requests)).toHaveLength(1));
    const [cookie] = cookieRequests(backend.requests);
    expect(cookie.headers.get('authorization')).toBe('Bearer guest-token-1');
  });

  it('signs out: provider logout, then the cookie is deleted, then back to the public bundle', async () => {
    const { backend } = renderApp({ path: '/settings', backend: { route: cookieRoute() } });
    const signOut = await screen.findByRole('button', { name: 'Sign out' });
    const reload = vi.fn();
    vi.spyOn(window, 'location', 'get').mockReturnValue({
      ...window.location,
      reload,
    } as Location);
    await userEvent.click(signOut);
    expect(await screen.findByText('Signing out')).toBeTruthy();
    await vi.waitFor(() => expect(reload).toHaveBeenCalledTimes(1));
    const paths = backend.requests.map(r => `${r.method} ${new URL(r.url).pathname}`);
    const logout = paths.indexOf('POST /api/auth/guest/logout');
    const deleted = paths.indexOf('DELETE /api/app/.backstage/auth/v1/cookie');
    expect(logout).toBeGreaterThanOrEqual(0);
    expect(deleted).toBeGreaterThan(logout);
    expect(screen.queryByRole('button', { name: 'Enter as guest' })).toBeNull();
  });

  it('leaves for the public bundle when the session cannot be restored', async () => {
    const reload = vi.fn();
    vi.spyOn(window, 'location', 'get').mockReturnValue({
      ...window.location,
      reload,
    } as Location);
    const { backend } = renderApp({ backend: { route: cookieRoute(), guestRefused: true } });
    await vi.waitFor(() => expect(reload).toHaveBeenCalledTimes(1));
    expect(backend.requests.some(r => r.method === 'DELETE' && r.url === COOKIE_URL)).toBe(true);
    expect(screen.queryByRole('button', { name: 'Enter as guest' })).toBeNull();
  });
});

describe('the full app without a public bundle', () => {
  it('never touches the app cookie', async () => {
    WebStorageApi.create().forBucket('auth').set('provider', 'guest');
    const { backend } = renderApp({ path: '/settings', backend: { route: cookieRoute() } });
    await userEvent.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('button', { name: 'Enter as guest' })).toBeTruthy();
    expect(cookieRequests(backend.requests)).toEqual([]);
  });
});

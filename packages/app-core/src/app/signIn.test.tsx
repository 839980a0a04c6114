import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BACKEND, renderApp, resetBrowser } from '../testing/renderApp';

beforeEach(resetBrowser);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('sign-in', () => {
  it('lists the providers the backend reports as enabled', async () => {
    renderApp({ backend: { providers: ['guest', 'oidc'] } });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Sign in to Test Portal' }),
    ).toBeTruthy();
    const list = await screen.findByRole('list');
    const headings = within(list)
      .getAllByRole('heading')
      .map(heading => heading.textContent);
    expect(headings).toEqual(['Guest', 'Single sign-on']);
    expect(screen.getByRole('button', { name: 'Enter as guest' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(screen.queryByRole('navigation')).toBeNull();
  });

  it('offers no guest button when the backend does not enable guest', async () => {
    renderApp({ backend: { providers: ['oidc'] } });
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Enter as guest' })).toBeNull();
  });

  it('signs in as guest through refresh with the CSRF header and lands in the shell', async () => {
    const { backend } = renderApp();
    await userEvent.click(await screen.findByRole('button', { name: 'Enter as guest' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Welcome to Test Portal' }),
    ).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
    const refresh = backend.requests.find(request => request.url.includes('/guest/refresh'));
    expect(refresh?.url).toBe(`${BACKEND}/api/auth/guest/refresh?env=development`);
    expect(refresh?.headers.get('x-requested-with')).toBe('XMLHttpRequest');
  });

  it('explains when the backend has no providers endpoint (404)', async () => {
    renderApp({ backend: { providers: undefined } });
    const alert = await screen.findByText(/answered 404 Not Found/);
    expect(alert.textContent).toContain(`${BACKEND}/api/auth/providers`);
    expect(alert.textContent).toContain('Install the auth plugin');
    expect(screen.queryByRole('button', { name: 'Enter as guest' })).toBeNull();
  });

  it('says so when no provider is enabled', async () => {
    renderApp({ backend: { providers: [] } });
    expect(await screen.findByText(/No sign-in provider is enabled/)).toBeTruthy();
  });

  it("shows the backend's reason when guest sign-in is refused", async () => {
    renderApp({ backend: { guestRefused: true } });
    await userEvent.click(await screen.findByRole('button', { name: 'Enter as guest' }));
    expect(
      await screen.findByText(
        'Sign-in failed: The guest provider cannot be used outside of a development environment',
      ),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Enter as guest' })).toHaveProperty(
      'disabled',
      false,
    );
  });

  it('restores the session on the next page load without asking again', async () => {
    renderApp();
    await userEvent.click(await screen.findByRole('button', { name: 'Enter as guest' }));
    await screen.findByRole('navigation', { name: 'Main' });
    cleanup();

    const { backend } = renderApp({ path: '/settings' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
    expect(backend.requests.map(request => new URL(request.url).pathname)).toContain(
      '/api/auth/guest/refresh',
    );
    expect(backend.requests.some(request => request.url.endsWith('/providers'))).toBe(false);
  });

  it('signs out from Settings and returns to the sign-in page', async () => {
    const { backend } = renderApp({ path: '/settings' });
    await userEvent.click(await screen.findByRole('button', { name: 'Enter as guest' }));
    expect(await screen.findByText('user:development/guest')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));

    expect(await screen.findByRole('button', { name: 'Enter as guest' })).toBeTruthy();
    const logout = backend.requests.find(request => request.url.endsWith('/guest/logout'));
    expect(logout?.method).toBe('POST');
    expect(logout?.headers.get('x-requested-with')).toBe('XMLHttpRequest');
    cleanup();

    // Signed out stays signed out after a reload.
    renderApp();
    expect(await screen.findByRole('button', { name: 'Enter as guest' })).toBeTruthy();
  });
});

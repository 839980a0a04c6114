import {
  createNavItemExtension,
  createPlugin,
  createRoutableExtension,
  createRouteRef,
  createTranslationRef,
  errorApiRef,
  useApi,
} from '@greenroom/frontend-plugin-api';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderApp, stubScreen } from '../testing/renderApp';
import { useSignedInBrowser } from '../testing/signedIn';

useSignedInBrowser();

const testMessages = createTranslationRef({
  id: 'test-plugin',
  messages: { nav: 'Flaky', ok: 'Flaky page works', post: 'Post an error' },
});

/** A plugin whose page fails while `failing.now` is true, and can post an error. */
function flakyPlugin(failing: { now: boolean }) {
  const root = createRouteRef({ id: 'flaky.root' });
  function FlakyPage() {
    const errorApi = useApi(errorApiRef);
    if (failing.now) throw new Error('The flaky backend is down');
    return (
      <main>
        <p>{'Flaky page works'}</p>
        <button onClick={() => errorApi.post(new Error('Could not save the entity'))}>
          {'Post an error'}
        </button>
      </main>
    );
  }
  return createPlugin({
    id: 'flaky',
    routes: { root },
    pages: [
      createRoutableExtension({
        name: 'FlakyPage',
        mountPoint: root,
        path: '/flaky',
        component: async () => FlakyPage,
      }),
    ],
    navItems: [
      createNavItemExtension({
        routeRef: root,
        title: { ref: testMessages, key: 'nav' },
        icon: () => null,
      }),
    ],
  });
}

describe('the shell', () => {
  it('shows the 404 page for an unknown route, with a way home', async () => {
    renderApp({ path: '/no/such/page' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeTruthy();
    expect(screen.getByText('There is no page at /no/such/page.')).toBeTruthy();
    await userEvent.click(screen.getByRole('link', { name: 'Go to the home page' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Welcome to Test Portal' }),
    ).toBeTruthy();
  });

  it('sets the browser title from the page header', async () => {
    renderApp({ path: '/settings' });
    await screen.findByRole('heading', { level: 1, name: 'Settings' });
    expect(document.title).toBe('Settings | Test Portal');
  });

  it("lists plugins' nav items between Home and Settings and navigates to their pages", async () => {
    renderApp({ app: { plugins: [flakyPlugin({ now: false })] } });
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map(link => link.textContent),
    ).toEqual(['Home', 'Flaky', 'Settings']);
    await userEvent.click(within(nav).getByRole('link', { name: 'Flaky' }));
    expect(await screen.findByText('Flaky page works')).toBeTruthy();
    expect(window.location.pathname).toBe('/flaky');
  });

  it('reaches every sidebar item with the keyboard', async () => {
    renderApp();
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    await screen.findByRole('heading', { level: 1 });
    const user = userEvent.setup();
    await user.tab();
    expect(document.activeElement?.textContent).toBe('Skip to content');
    await user.tab();
    expect(document.activeElement).toBe(within(nav).getByRole('link', { name: 'Home' }));
    await user.tab();
    expect(document.activeElement).toBe(within(nav).getByRole('link', { name: 'Settings' }));
    await user.tab();
    expect(document.activeElement).toBe(
      within(nav).getByRole('button', { name: 'Collapse sidebar' }),
    );
    await user.tab({ shift: true });
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
  });

  it('collapses the sidebar to icons, keeping accessible names, and remembers it', async () => {
    renderApp();
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    await userEvent.click(within(nav).getByRole('button', { name: 'Collapse sidebar' }));
    const expand = within(nav).getByRole('button', { name: 'Expand sidebar' });
    expect(expand.getAttribute('aria-expanded')).toBe('false');
    expect(within(nav).queryByText('Settings')).toBeNull();
    expect(within(nav).getByRole('link', { name: 'Settings' })).toBeTruthy();
    cleanup();

    renderApp();
    const again = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(again).getByRole('button', { name: 'Expand sidebar' })).toBeTruthy();
  });

  it('turns the sidebar into a drawer on narrow screens', async () => {
    stubScreen({ narrow: true });
    renderApp();
    await screen.findByRole('heading', { level: 1, name: 'Welcome to Test Portal' });
    expect(screen.queryByRole('navigation', { name: 'Main' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Open navigation' }));
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    await userEvent.click(within(nav).getByRole('link', { name: 'Settings' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
  });

  it('shows a failing page as a readable error with a retry, the shell still working', async () => {
    const failing = { now: true };
    renderApp({ path: '/flaky', app: { plugins: [flakyPlugin(failing)] } });
    expect(await screen.findByText('The flaky backend is down')).toBeTruthy();
    expect(screen.getByText('Something went wrong')).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();

    failing.now = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Flaky page works')).toBeTruthy();
  });

  it('retries a page whose code failed to load', async () => {
    let attempts = 0;
    const root = createRouteRef();
    const plugin = createPlugin({
      id: 'chunky',
      routes: { root },
      pages: [
        createRoutableExtension({
          name: 'ChunkyPage',
          mountPoint: root,
          path: '/chunky',
          component: async () => {
            attempts += 1;
            if (attempts === 1) throw new Error('Failed to fetch dynamically imported module');
            return () => <p>{'Loaded on the second try'}</p>;
          },
        }),
      ],
    });
    renderApp({ path: '/chunky', app: { plugins: [plugin] } });
    expect(await screen.findByText('Failed to fetch dynamically imported module')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Loaded on the second try')).toBeTruthy();
  });

  it('shows errors posted to the error API as toasts', async () => {
    renderApp({ path: '/flaky', app: { plugins: [flakyPlugin({ now: false })] } });
    await userEvent.click(await screen.findByRole('button', { name: 'Post an error' }));
    const toast = await screen.findByRole('alert');
    expect(toast.textContent).toContain('Could not save the entity');
    await userEvent.click(within(toast).getByRole('button', { name: 'Dismiss' }));
    await vi.waitFor(() => expect(screen.queryByText('Could not save the entity')).toBeNull());
  });
});

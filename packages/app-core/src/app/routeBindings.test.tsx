import {
  createPlugin,
  createRoutableExtension,
  createRouteRef,
} from '@greenroom/frontend-plugin-api';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { homePlugin } from '../pages/home/homePlugin';
import { renderApp } from '../testing/renderApp';
import { useSignedInBrowser } from '../testing/signedIn';

useSignedInBrowser();

function catalogPlugin() {
  const root = createRouteRef({ id: 'catalog.root' });
  return createPlugin({
    id: 'catalog',
    routes: { root },
    pages: [
      createRoutableExtension({
        name: 'CatalogPage',
        mountPoint: root,
        path: '/catalog',
        component: async () => () => <h1>{'Catalog'}</h1>,
      }),
    ],
  });
}

describe('route bindings in the app', () => {
  it('hides home shortcuts whose routes are unbound', async () => {
    renderApp();
    expect(await screen.findByText(/Plugins you install add their pages/)).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Browse the catalog' })).toBeNull();
  });

  it('binds to a default target once its plugin is installed', async () => {
    renderApp({ app: { plugins: [catalogPlugin()] } });
    const link = await screen.findByRole('link', { name: 'Browse the catalog' });
    expect(link.getAttribute('href')).toBe('/catalog');
    await userEvent.click(link);
    expect(await screen.findByRole('heading', { level: 1, name: 'Catalog' })).toBeTruthy();
  });

  it('changes where a link goes through app.routes.bindings', async () => {
    renderApp({
      app: { plugins: [catalogPlugin()] },
      config: { app: { routes: { bindings: { 'home.browseCatalog': 'user-settings.root' } } } },
    });
    const link = await screen.findByRole('link', { name: 'Browse the catalog' });
    expect(link.getAttribute('href')).toBe('/settings');
  });

  it('lets code bindings win over config, and config false remove even those', async () => {
    const catalog = catalogPlugin();
    renderApp({
      app: {
        plugins: [catalog],
        bindRoutes({ bind }) {
          bind(homePlugin.externalRoutes, { readDocs: catalog.routes.root });
        },
      },
      config: {
        app: {
          routes: {
            bindings: { 'home.readDocs': 'user-settings.root', 'home.browseCatalog': false },
          },
        },
      },
    });
    expect(
      (await screen.findByRole('link', { name: 'Read the documentation' })).getAttribute('href'),
    ).toBe('/catalog');
    expect(screen.queryByRole('link', { name: 'Browse the catalog' })).toBeNull();
  });

  it('refuses to start on a bad binding, naming the key', async () => {
    renderApp({
      config: {
        app: {
          routes: { bindings: { 'ghost.link': 'home.root', 'home.readDocs': 'home.nowhere' } },
        },
      },
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The app could not start');
    expect(alert.textContent).toContain(
      "Invalid config at app.routes.bindings['ghost.link']: 'ghost.link' is not a valid external route: no plugin with id 'ghost' is installed",
    );
    expect(alert.textContent).toContain(
      "'home.nowhere' is not a valid route: plugin 'home' has no route 'nowhere'",
    );
    expect(screen.queryByRole('button', { name: 'Enter as guest' })).toBeNull();
  });

  it('refuses to start on config it cannot read', async () => {
    const script = document.createElement('script');
    script.type = 'greenroom/config';
    script.textContent = '{ not json';
    document.head.appendChild(script);
    const { createApp } = await import('./createApp');
    const { render } = await import('@testing-library/react');
    const App = createApp();
    render(<App />);
    expect((await screen.findByRole('alert')).textContent).toContain('is not valid JSON');
    script.remove();
  });
});

import { createApp } from '@greenroom/app-core';
import type { CreateAppOptions } from '@greenroom/app-core';
import { cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { catalogPlugin } from '../plugin';
import { BACKEND, fakeCatalogBackend } from './fakeCatalogBackend';
import type { FakeCatalogOptions } from './fakeCatalogBackend';

/**
 * A page load of the real app (shell, routing, i18n, sign-in) with the catalog plugin, at
 * `path`, against the fake backend. The guest signed in before, so the session is restored.
 */
export function renderCatalogApp(
  path: string,
  backendOptions: FakeCatalogOptions,
  app: Omit<CreateAppOptions, 'configLoader'> = {},
) {
  const backend = fakeCatalogBackend(backendOptions);
  vi.stubGlobal('fetch', backend.fetch);
  window.history.pushState({}, '', path);
  const data = {
    app: { title: 'Test Portal', baseUrl: 'http://localhost:3000' },
    backend: { baseUrl: BACKEND },
  };
  const App = createApp({
    ...app,
    plugins: [catalogPlugin, ...(app.plugins ?? [])],
    configLoader: () => [{ context: 'test', data }],
  });
  return { ...render(<App />), backend };
}

/** A fresh browser per test where the guest signed in before; nothing left over after. */
export function useCatalogTestBrowser() {
  beforeEach(() => {
    localStorage.clear();
    localStorage.setItem('greenroom/auth/provider', JSON.stringify('guest'));
    vi.stubGlobal('matchMedia', undefined);
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });
}

import { render } from '@testing-library/react';
import { vi } from 'vitest';
import { createApp } from '../app/createApp';
import type { CreateAppOptions } from '../app/CreateAppOptions';
import { BACKEND, fakeBackendFetch } from './fakeBackendFetch';
import type { FakeBackendOptions } from './fakeBackendFetch';

/**
 * Renders a fresh app (a "page load") at `path` against the fake backend. Storage persists
 * between calls within a test, like a browser's. Call `resetBrowser` in beforeEach.
 */
export function renderApp(
  options: {
    path?: string;
    config?: Record<string, unknown>;
    backend?: FakeBackendOptions;
    app?: Omit<CreateAppOptions, 'configLoader'>;
  } = {},
) {
  const backend = fakeBackendFetch({ providers: ['guest'], ...options.backend });
  vi.stubGlobal('fetch', backend.fetch);
  window.history.pushState({}, '', options.path ?? '/');
  const data = {
    app: { title: 'Test Portal', baseUrl: 'http://localhost:3000' },
    backend: { baseUrl: BACKEND },
    ...options.config,
  };
  const App = createApp({ ...options.app, configLoader: () => [{ context: 'test', data }] });
  return { ...render(<App />), backend };
}

export { BACKEND };

export function resetBrowser() {
  localStorage.clear();
  delete document.documentElement.dataset.theme;
  // jsdom has no matchMedia: wide screen, light system theme unless a test says otherwise.
  vi.stubGlobal('matchMedia', undefined);
}

/** matchMedia for a narrow screen (below MUI's md breakpoint), optionally preferring dark. */
export function stubScreen(options: { narrow?: boolean; dark?: boolean }) {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches:
      (options.narrow === true && query.includes('max-width')) ||
      (options.dark === true && query.includes('prefers-color-scheme: dark')),
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }));
}

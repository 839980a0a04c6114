import {
  createTranslationMessages,
  createTranslationResource,
} from '@greenroom/frontend-plugin-api';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { coreTranslationRef } from '../i18n/coreTranslationRef';
import { renderApp, stubScreen } from '../testing/renderApp';
import { useSignedInBrowser } from '../testing/signedIn';

useSignedInBrowser();

const themeGroup = () => screen.getByRole('group', { name: 'Theme' });

describe('settings', () => {
  it("shows the signed-in user's profile", async () => {
    renderApp({ path: '/settings' });
    expect(await screen.findByText('Guest')).toBeTruthy();
    expect(screen.getByText('user:development/guest')).toBeTruthy();
    expect(screen.getByText(/user:development\/guest, group:default\/team-a/)).toBeTruthy();
  });

  it('switches the theme and keeps it across reloads; auto follows the system', async () => {
    renderApp({ path: '/settings' });
    await screen.findByRole('heading', { level: 1, name: 'Settings' });
    expect(document.documentElement.dataset.theme).toBe('light');
    expect(
      within(themeGroup()).getByRole('button', { name: 'Auto' }).getAttribute('aria-pressed'),
    ).toBe('true');
    await userEvent.click(within(themeGroup()).getByRole('button', { name: 'Dark' }));
    expect(document.documentElement.dataset.theme).toBe('dark');
    cleanup();

    renderApp({ path: '/settings' });
    await screen.findByRole('heading', { level: 1, name: 'Settings' });
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(
      within(themeGroup()).getByRole('button', { name: 'Dark' }).getAttribute('aria-pressed'),
    ).toBe('true');

    stubScreen({ dark: false });
    await userEvent.click(within(themeGroup()).getByRole('button', { name: 'Auto' }));
    expect(document.documentElement.dataset.theme).toBe('light');
    cleanup();

    stubScreen({ dark: true });
    renderApp({ path: '/settings' });
    await screen.findByRole('heading', { level: 1, name: 'Settings' });
    expect(document.documentElement.dataset.theme).toBe('dark');
  });

  it('switches the language, visible at once and after a reload', async () => {
    renderApp({ path: '/settings' });
    await screen.findByRole('heading', { level: 1, name: 'Settings' });
    await userEvent.click(screen.getByRole('button', { name: 'Deutsch' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Einstellungen' })).toBeTruthy();
    expect(
      within(screen.getByRole('navigation')).getByRole('link', { name: 'Startseite' }),
    ).toBeTruthy();
    expect(document.documentElement.lang).toBe('de');
    cleanup();

    renderApp({ path: '/' });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Willkommen bei Test Portal' }),
    ).toBeTruthy();
  });

  it("follows the browser's language until one is chosen", async () => {
    vi.spyOn(window.navigator, 'languages', 'get').mockReturnValue(['de-AT', 'en']);
    renderApp({ path: '/settings' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Einstellungen' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
  });

  it('lets the app override any message, in English and other languages', async () => {
    renderApp({
      path: '/settings',
      app: {
        translations: {
          resources: [
            createTranslationMessages({
              ref: coreTranslationRef,
              messages: { 'nav.home': 'Start page' },
            }),
            createTranslationResource({
              ref: coreTranslationRef,
              translations: { de: async () => ({ default: { 'nav.home': 'Übersicht' } }) },
            }),
          ],
        },
      },
    });
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Start page' })).toBeTruthy();
    await userEvent.click(await screen.findByRole('button', { name: 'Deutsch' }));
    expect(
      await within(screen.getByRole('navigation')).findByRole('link', { name: 'Übersicht' }),
    ).toBeTruthy();
    // Messages the app did not override keep the plugin's German.
    expect(
      within(screen.getByRole('navigation')).getByRole('link', { name: 'Einstellungen' }),
    ).toBeTruthy();
  });
});

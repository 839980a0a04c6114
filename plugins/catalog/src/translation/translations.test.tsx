import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { component } from '../testing/entities';
import { renderCatalogApp, useCatalogTestBrowser } from '../testing/renderCatalogApp';

useCatalogTestBrowser();

describe('catalog translations', () => {
  it('shows the catalog in German for a German browser, loading the messages on demand', async () => {
    vi.spyOn(window.navigator, 'languages', 'get').mockReturnValue(['de', 'en']);
    renderCatalogApp('/catalog', { entities: [component('artist-lookup')] });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Katalog' }, { timeout: 5000 }),
    ).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'Katalogentitäten' });
    expect(within(table).getByRole('button', { name: 'Lebenszyklus' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'artist-lookup markieren' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Katalog' }).getAttribute('href')).toBe('/catalog');
  });
});

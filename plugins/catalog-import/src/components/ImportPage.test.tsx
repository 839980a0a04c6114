import { ApiProvider, configApiRef, routeResolutionApiRef } from '@greenroom/frontend-plugin-api';
import type { ApiRef, ConfigApi } from '@greenroom/frontend-plugin-api';
import { catalogApiRef, entityRouteRef } from '@greenroom/plugin-catalog-react';
import type { CatalogApi } from '@greenroom/plugin-catalog-react';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { component, fakeImportCatalog } from '../testing/fakeImportCatalog';
import { ImportPage } from './ImportPage';

const FILE = 'https://git.example.com/shop/catalog-info.yaml';

function Where() {
  return <p data-testid="where">{useLocation().pathname}</p>;
}

function renderPage(
  api: Pick<CatalogApi, 'analyzeLocation' | 'addLocation'>,
  config: Record<string, string> = {},
) {
  // Only the one key the page reads.
  const configApi = { getOptionalString: (key: string) => config[key] } as unknown as ConfigApi;
  // The entity page mounted where the catalog plugin mounts it by default.
  const routes = {
    resolve: (ref: { id: string }) =>
      ref.id === entityRouteRef.id
        ? (p: Record<string, string>) => `/catalog/${p.namespace}/${p.kind}/${p.name}`
        : undefined,
  };
  const apis = {
    get: <T,>(ref: ApiRef<T>) =>
      ref.id === catalogApiRef.id
        ? (api as T)
        : ref.id === configApiRef.id
          ? (configApi as T)
          : ref.id === routeResolutionApiRef.id
            ? (routes as T)
            : undefined,
  };
  return render(
    <ApiProvider apis={apis}>
      <MemoryRouter initialEntries={['/catalog-import']}>
        <Routes>
          <Route path="/catalog-import" element={<ImportPage />} />
          <Route path="*" element={<Where />} />
        </Routes>
      </MemoryRouter>
    </ApiProvider>,
  );
}

async function analyze(input: string) {
  const field = screen.getByRole('textbox', { name: 'URL or path' });
  await userEvent.clear(field);
  if (input) await userEvent.type(field, input);
  await userEvent.click(screen.getByRole('button', { name: 'Analyze' }));
}

afterEach(cleanup);

describe('ImportPage', () => {
  it('analyzes a URL, previews its entities, registers it and links to them', async () => {
    const catalog = fakeImportCatalog({ [FILE]: [component('shop'), component('cart', 'retail')] });
    renderPage(catalog.api);
    expect(screen.getByRole('heading', { level: 1, name: 'Register an existing component' }));

    await analyze('https://git.example.com/shop');
    const table = await screen.findByRole('table', { name: 'Entities in the location' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map(row => row.textContent)).toEqual([
      'Componentdefault/shopNew',
      'Componentretail/cartNew',
    ]);
    expect(screen.getByText(`Registering ${FILE} adds these entities to the catalog:`));
    expect(document.activeElement?.textContent).toBe('Review the entities');

    await userEvent.click(screen.getByRole('button', { name: 'Register' }));
    expect(await screen.findByText('Location registered')).toBeTruthy();
    expect(catalog.registered.has(`url:${FILE}`)).toBe(true);
    expect(catalog.calls.at(-1)?.request).toEqual({ type: 'url', target: FILE });

    const links = within(screen.getByRole('list', { name: 'Registered entities' })).getAllByRole(
      'link',
    );
    expect(links.map(link => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Component:default/shop', '/catalog/default/component/shop'],
      ['Component:retail/cart', '/catalog/retail/component/cart'],
    ]);
    await userEvent.click(links[1]);
    expect(screen.getByTestId('where').textContent).toBe('/catalog/retail/component/cart');
  });

  it('checks the input before asking the catalog', async () => {
    const catalog = fakeImportCatalog({});
    renderPage(catalog.api);
    const field = screen.getByRole('textbox', { name: 'URL or path' });

    await analyze('');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Enter a URL or an absolute path.')).toBeTruthy();

    await analyze('catalog-info.yaml');
    expect(screen.getByText(/This is neither a URL nor an absolute path/)).toBeTruthy();

    await analyze('ftp://example.com/catalog-info.yaml');
    expect(
      screen.getByText('Only http:// and https:// URLs can be registered, not ftp URLs.'),
    ).toBeTruthy();
    expect(catalog.calls).toEqual([]);

    // Fixing the input clears the error; now the catalog is asked (and has no such file).
    await analyze(FILE);
    expect(await screen.findByText('Could not analyze the location')).toBeTruthy();
    expect(catalog.calls.map(c => c.method)).toEqual(['analyzeLocation', 'addLocation']);
    expect(field.getAttribute('aria-invalid')).toBe('false');
  });

  it("shows the catalog's message when it cannot read the location", async () => {
    renderPage(fakeImportCatalog({}).api);
    await analyze('https://git.example.com/missing/catalog-info.yaml');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not analyze the location');
    expect(alert.textContent).toContain(
      'Could not read url:https://git.example.com/missing/catalog-info.yaml: NotFoundError',
    );
    // The input stays for the user to fix.
    expect(screen.getByRole('textbox', { name: 'URL or path' })).toHaveProperty(
      'value',
      'https://git.example.com/missing/catalog-info.yaml',
    );
  });

  it('shows refusals of the backend, e.g. a host not allowed for reading', async () => {
    renderPage(
      fakeImportCatalog({
        'https://evil.example.com/catalog-info.yaml': {
          name: 'NotAllowedError',
          unreadable: 'Reading evil.example.com is not allowed by backend.reading.allow',
        },
      }).api,
    );
    await analyze('https://evil.example.com/catalog-info.yaml');
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Reading evil.example.com is not allowed by backend.reading.allow',
    );
  });

  it('explains a file that holds no valid entity', async () => {
    renderPage(fakeImportCatalog({ [FILE]: [] }).api);
    await analyze(FILE);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('No entities found');
    expect(alert.textContent).toContain(`No catalog entities were found at ${FILE}.`);
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('registers an absolute path after a dry-run preview', async () => {
    const catalog = fakeImportCatalog({ '/srv/catalog/shop.yaml': [component('shop')] });
    renderPage(catalog.api);
    await analyze('/srv/catalog/shop.yaml');
    const table = await screen.findByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    expect(within(table).queryByText('Location')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Register' }));
    expect(await screen.findByText('Location registered')).toBeTruthy();
    expect(catalog.registered.has('file:/srv/catalog/shop.yaml')).toBe(true);
  });

  it('shows a refused path with the backend message', async () => {
    renderPage(
      fakeImportCatalog({
        '/etc/passwd': {
          unreadable:
            'file location is outside the directories listed in catalog.registration.fileRoots',
        },
      }).api,
    );
    await analyze('/etc/passwd');
    expect((await screen.findByRole('alert')).textContent).toContain(
      'outside the directories listed in catalog.registration.fileRoots',
    );
  });

  it('offers no second registration of a registered location, and links to its entities', async () => {
    const catalog = fakeImportCatalog({ [FILE]: [component('shop')] });
    catalog.registered.add(`url:${FILE}`);
    renderPage(catalog.api);
    await analyze(FILE);
    expect(await screen.findByText('Already registered')).toBeTruthy();
    expect(screen.getByText(/This location is already registered/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Register' })).toBeNull();
    expect(
      within(screen.getByRole('list', { name: 'Already in the catalog' }))
        .getByRole('link')
        .getAttribute('href'),
    ).toBe('/catalog/default/component/shop');
  });

  it('keeps the review open with the error when registering fails', async () => {
    const catalog = fakeImportCatalog({ [FILE]: [component('shop')] });
    renderPage(catalog.api);
    await analyze(FILE);
    await screen.findByRole('table');
    // Someone else registers it between preview and register: the backend answers 409.
    catalog.registered.add(`url:${FILE}`);
    await userEvent.click(screen.getByRole('button', { name: 'Register' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not register the location');
    expect(alert.textContent).toContain(`Location url:${FILE} already exists`);
    expect(screen.getByRole('table')).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByRole('textbox', { name: 'URL or path' })).toHaveProperty('value', FILE);
  });

  it('uses catalog.import.entityFilename for folder URLs', async () => {
    const catalog = fakeImportCatalog({
      'https://git.example.com/shop/backstage.yaml': [component('shop')],
    });
    renderPage(catalog.api, { 'catalog.import.entityFilename': 'backstage.yaml' });
    await analyze('https://git.example.com/shop');
    expect(await screen.findByRole('table')).toBeTruthy();
  });

  it('starts over after finishing', async () => {
    renderPage(fakeImportCatalog({ [FILE]: [component('shop')] }).api);
    await analyze(FILE);
    await userEvent.click(await screen.findByRole('button', { name: 'Register' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Register another' }));
    expect(screen.getByRole('textbox', { name: 'URL or path' })).toHaveProperty('value', '');
  });
});

import {
  createPlugin,
  createRoutableExtension,
  createRouteRef,
} from '@greenroom/frontend-plugin-api';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { catalogPlugin } from '../../plugin';
import { component, group } from '../../testing/entities';
import { renderCatalogApp, useCatalogTestBrowser } from '../../testing/renderCatalogApp';

useCatalogTestBrowser();

const entities = [
  component('artist-lookup', { tags: ['java', 'data'], system: 'artist-engagement' }),
  component('playback-order', { type: 'website', owner: 'group:default/team-b' }),
  component('queue-proxy', { lifecycle: 'experimental', owner: 'user:development/guest' }),
  component('searcher', { namespace: 'ops', tags: ['go'] }),
  group('team-a'),
];

const byQuery = (
  calls: ReturnType<ReturnType<typeof renderCatalogApp>['backend']['catalogCalls']>,
) => calls.filter(c => c.path === '/entities/by-query' && c.params.get('limit') !== '0');

async function table() {
  // The first test also pays for importing the lazy page.
  return screen.findByRole('table', { name: 'Catalog entities' }, { timeout: 5000 });
}

describe('CatalogIndexPage', () => {
  it('shows the first page of components, names as links, asking the server for one page', async () => {
    const { backend } = renderCatalogApp('/catalog', { entities });
    const rows = within(await table()).getAllByRole('row');
    expect(rows).toHaveLength(5); // header + 4 components
    const link = within(rows[1]).getByRole('link', { name: 'artist-lookup' });
    expect(link.getAttribute('href')).toBe('/catalog/default/component/artist-lookup');
    expect(within(rows[1]).getByRole('link', { name: 'artist-engagement' })).toBeTruthy();
    expect(within(rows[1]).getByRole('link', { name: 'team-a' }).getAttribute('href')).toBe(
      '/catalog/default/group/team-a',
    );
    expect(await screen.findByRole('heading', { name: 'Component (4)' })).toBeTruthy();
    const first = byQuery(backend.catalogCalls())[0];
    expect(first.params.getAll('filter')).toEqual(['kind=component']);
    expect(first.params.get('limit')).toBe('20');
    expect(first.params.getAll('orderField')).toEqual(['metadata.name,asc']);
    // Never the unpaged list endpoint.
    expect(backend.catalogCalls().some(c => c.path === '/entities')).toBe(false);
    // Defaults stay out of the URL until the user changes something.
    expect(window.location.search).toBe('');
  });

  it('reads filters from the URL and sends them as one AND-ed filter', async () => {
    const { backend } = renderCatalogApp(
      '/catalog?filters[kind]=component&filters[type]=service&filters[tags]=java&filters[tags]=go&filters[namespace]=default',
      { entities },
    );
    const rows = within(await table()).getAllByRole('row');
    expect(rows.slice(1).map(r => within(r).getAllByRole('link')[0].textContent)).toEqual([
      'artist-lookup',
    ]);
    expect(byQuery(backend.catalogCalls())[0].params.getAll('filter')).toEqual([
      'kind=component,spec.type=service,metadata.tags=java,metadata.tags=go,metadata.namespace=default',
    ]);
    // One type is chosen, so the Type column is left out.
    expect(screen.queryByRole('button', { name: 'Type' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Lifecycle' })).toBeTruthy();
  });

  it('puts Owned in the URL and filters on the signed-in user’s ownership refs', async () => {
    const user = userEvent.setup();
    const { backend } = renderCatalogApp('/catalog', { entities });
    await table();
    await user.click(screen.getByRole('button', { name: /^Owned/ }));
    await waitFor(() => expect(window.location.search).toContain('filters%5Buser%5D=owned'));
    await waitFor(() =>
      expect(byQuery(backend.catalogCalls()).at(-1)?.params.getAll('filter')).toEqual([
        'kind=component,relations.ownedBy=user:development/guest,relations.ownedBy=group:default/team-a',
      ]),
    );
    const rows = within(await table()).getAllByRole('row');
    await waitFor(() =>
      expect(within(rows[0].closest('table')!).getAllByRole('row')).toHaveLength(4),
    );
    expect(screen.queryByRole('link', { name: 'playback-order' })).toBeNull();
    // The counts of each list, with the other filters applied.
    expect(screen.getByRole('button', { name: 'Owned (3)' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'All (4)' })).toBeTruthy();
  });

  it('searches the full text after a pause and keeps the term in the URL', async () => {
    const user = userEvent.setup();
    const { backend } = renderCatalogApp('/catalog', { entities });
    await table();
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'queue');
    await waitFor(() => expect(window.location.search).toContain('filters%5Btext%5D=queue'));
    await waitFor(() =>
      expect(byQuery(backend.catalogCalls()).at(-1)?.params.get('fullTextFilterTerm')).toBe(
        'queue',
      ),
    );
    await waitFor(() => expect(screen.queryByRole('link', { name: 'ops/searcher' })).toBeNull());
    expect(screen.getByRole('link', { name: 'queue-proxy' })).toBeTruthy();
  });

  it('pages with the server’s cursors, never loading everything', async () => {
    const many = Array.from({ length: 45 }, (_, i) =>
      component(`svc-${String(i).padStart(2, '0')}`),
    );
    const user = userEvent.setup();
    const { backend } = renderCatalogApp('/catalog', { entities: many });
    await table();
    expect(screen.getByText('1–20 of 45')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByRole('link', { name: 'svc-20' })).toBeTruthy();
    expect(screen.getByText('21–40 of 45')).toBeTruthy();
    const next = byQuery(backend.catalogCalls()).at(-1)!;
    expect([...next.params.keys()].sort()).toEqual(['cursor', 'fields', 'limit']);
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByRole('link', { name: 'svc-44' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Next page' })).toHaveProperty('disabled', true);
    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    expect(await screen.findByRole('link', { name: 'svc-39' })).toBeTruthy();
    expect(screen.getByText('21–40 of 45')).toBeTruthy();
    expect(byQuery(backend.catalogCalls()).every(c => Number(c.params.get('limit')) === 20)).toBe(
      true,
    );
  });

  it('sorts on the server when a column header is clicked, and keeps the sort in the URL', async () => {
    const user = userEvent.setup();
    const { backend } = renderCatalogApp('/catalog', { entities });
    await table();
    await user.click(screen.getByRole('button', { name: 'Lifecycle' }));
    await waitFor(() => expect(window.location.search).toContain('sort=lifecycle%2Casc'));
    await waitFor(() =>
      expect(byQuery(backend.catalogCalls()).at(-1)?.params.getAll('orderField')).toEqual([
        'spec.lifecycle,asc',
      ]),
    );
    await waitFor(() =>
      expect(within(screen.getAllByRole('row')[1]).getAllByRole('link')[0].textContent).toBe(
        'queue-proxy',
      ),
    );
  });

  it('stars an entity, and Starred lists only starred ones', async () => {
    const user = userEvent.setup();
    const { backend } = renderCatalogApp('/catalog', { entities });
    await table();
    const star = screen.getByRole('button', { name: 'Add ops/searcher to starred' });
    expect(star.getAttribute('aria-pressed')).toBe('false');
    await user.click(star);
    expect(
      screen
        .getByRole('button', { name: 'Remove ops/searcher from starred' })
        .getAttribute('aria-pressed'),
    ).toBe('true');
    expect(
      JSON.parse(localStorage.getItem('greenroom/starred-entities/user:development/guest')!),
    ).toEqual(['component:ops/searcher']);
    await user.click(screen.getByRole('button', { name: /^Starred/ }));
    await waitFor(() => expect(screen.queryByRole('link', { name: 'artist-lookup' })).toBeNull());
    expect(screen.getByRole('link', { name: 'ops/searcher' })).toBeTruthy();
    expect(byQuery(backend.catalogCalls()).at(-1)?.params.getAll('filter')).toEqual([
      'kind=component,metadata.namespace=ops,metadata.name=searcher',
    ]);
  });

  it('shows Starred as empty without asking when nothing of the kind is starred', async () => {
    const { backend } = renderCatalogApp('/catalog?filters[user]=starred', { entities });
    expect(await screen.findByRole('heading', { name: 'No entities found' })).toBeTruthy();
    expect(byQuery(backend.catalogCalls())).toEqual([]);
  });

  it('hides Create while createComponent is unbound, and links through it once bound', async () => {
    renderCatalogApp('/catalog', { entities });
    await table();
    expect(screen.queryByRole('link', { name: 'Create' })).toBeNull();
  });

  it('links Create to the route the app binds createComponent to', async () => {
    const createRoute = createRouteRef({ id: 'test-scaffolder.root' });
    const scaffolder = createPlugin({
      id: 'scaffolder',
      routes: { root: createRoute },
      pages: [
        createRoutableExtension({
          name: 'Create',
          mountPoint: createRoute,
          path: '/create',
          component: async () => () => null,
        }),
      ],
    });
    renderCatalogApp('/catalog', { entities }, { plugins: [scaffolder] });
    await table();
    // Bound by the default target `scaffolder.root`, with no binding written anywhere.
    expect(screen.getByRole('link', { name: 'Create' }).getAttribute('href')).toBe('/create');
    expect(catalogPlugin.externalRoutes.createComponent.defaultTarget).toBe('scaffolder.root');
  });

  it('shows the backend’s error message and retries', async () => {
    let fail = true;
    const user = userEvent.setup();
    renderCatalogApp('/catalog', {
      entities,
      route: ({ url }) =>
        fail && url.pathname.endsWith('/entities/by-query') && url.searchParams.get('limit') !== '0'
          ? new Response(
              JSON.stringify({
                error: { name: 'Error', message: 'database is down' },
                response: { statusCode: 500 },
              }),
              { status: 500 },
            )
          : undefined,
    });
    expect(await screen.findByText('database is down')).toBeTruthy();
    expect(screen.getByText('Could not load the catalog')).toBeTruthy();
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: 'artist-lookup' })).toBeTruthy();
  });

  it('offers filter options from the facets of the chosen kind, and changing kind resets them', async () => {
    const user = userEvent.setup();
    const { backend } = renderCatalogApp('/catalog?filters[type]=service', { entities });
    await table();
    const facetCall = backend
      .catalogCalls()
      .find(c => c.path === '/entity-facets' && c.params.getAll('filter').length);
    expect(facetCall?.params.getAll('facet')).toEqual([
      'spec.type',
      'relations.ownedBy',
      'spec.lifecycle',
      'metadata.tags',
      'metadata.namespace',
    ]);
    expect(facetCall?.params.getAll('filter')).toEqual(['kind=component']);
    // Requested after the table's first page, so the table does not wait behind them.
    const calls = backend.catalogCalls();
    const firstPage = calls.findIndex(c => c.path === '/entities/by-query');
    expect(firstPage).toBeGreaterThanOrEqual(0);
    const firstFacets = calls.findIndex(
      c => c.path === '/entity-facets' && c.params.getAll('filter').length,
    );
    expect(firstFacets).toBeGreaterThan(firstPage);
    await user.click(screen.getByRole('combobox', { name: 'Kind' }));
    await user.click(await screen.findByRole('option', { name: 'Group' }));
    await waitFor(() => expect(window.location.search).toBe('?filters%5Bkind%5D=group'));
    expect(await screen.findByRole('link', { name: 'team-a' })).toBeTruthy();
  });
});

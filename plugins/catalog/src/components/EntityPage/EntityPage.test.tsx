import {
  createPlugin,
  createRoutableExtension,
  createRouteRef,
  createSubRouteRef,
} from '@greenroom/frontend-plugin-api';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { component, group, user } from '../../testing/entities';
import { renderCatalogApp, useCatalogTestBrowser } from '../../testing/renderCatalogApp';

useCatalogTestBrowser();

const ORIGIN = 'url:https://git.example.com/acme/catalog-info.yaml';
const artist = component('artist-lookup', {
  system: 'artist-engagement',
  tags: ['java'],
  annotations: {
    'backstage.io/source-location': 'url:https://git.example.com/acme/artist-lookup/',
    'backstage.io/edit-url': 'https://git.example.com/acme/artist-lookup/edit/catalog-info.yaml',
    'backstage.io/managed-by-origin-location': ORIGIN,
  },
  relations: [
    { type: 'providesApi', targetRef: 'api:default/artist-api' },
    { type: 'hasPart', targetRef: 'component:default/artist-worker' },
  ],
});
const worker = component('artist-worker', {
  annotations: { 'backstage.io/managed-by-origin-location': ORIGIN },
});
const broken = {
  ...component('broken'),
  status: {
    items: [
      {
        type: 'backstage.io/catalog-processing',
        level: 'error' as const,
        message: 'InputError: spec.owner is required',
        error: { name: 'InputError', message: 'spec.owner is required' },
      },
    ],
  },
};
const entities = [
  artist,
  worker,
  broken,
  group('team-a', ['jane']),
  user('jane', ['team-a']),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: { name: 'artist-api', namespace: 'default', uid: 'uid-api' },
    spec: {
      type: 'graphql',
      lifecycle: 'production',
      owner: 'team-a',
      definition: 'type Query { artist: String }',
    },
    relations: [{ type: 'apiProvidedBy', targetRef: 'component:default/artist-lookup' }],
  },
];

async function heading(name: string) {
  return screen.findByRole('heading', { level: 1, name }, { timeout: 5000 });
}

/** An InfoCard by its title (the card is a section headed by an h2). */
async function card(title: string): Promise<HTMLElement> {
  const h2 = await screen.findByRole('heading', { level: 2, name: title }, { timeout: 5000 });
  return h2.closest('section')!;
}

describe('EntityPage', () => {
  it('shows the header, About card with source and edit links, and relation links', async () => {
    renderCatalogApp('/catalog/default/component/artist-lookup', { entities });
    await heading('artist-lookup');
    const about = await card('About');
    expect(within(about).getByText('The artist-lookup service')).toBeTruthy();
    expect(
      within(about)
        .getByRole('link', { name: /View source/ })
        .getAttribute('href'),
    ).toBe('https://git.example.com/acme/artist-lookup/');
    expect(
      within(about)
        .getByRole('link', { name: /Edit metadata/ })
        .getAttribute('href'),
    ).toBe('https://git.example.com/acme/artist-lookup/edit/catalog-info.yaml');
    // No techdocs annotation and no docs plugin: no docs button.
    expect(within(about).queryByRole('link', { name: 'View TechDocs' })).toBeNull();
    expect(
      within(about).getByRole('link', { name: 'artist-engagement' }).getAttribute('href'),
    ).toBe('/catalog/default/system/artist-engagement');
    // The system it is part of is not in the catalog: said above the tabs.
    expect(await screen.findByText('This entity refers to: system:artist-engagement')).toBeTruthy();
    const subcomponents = await card('Subcomponents');
    expect(await within(subcomponents).findByRole('link', { name: 'artist-worker' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'API' }).getAttribute('href')).toBe(
      '/catalog/default/component/artist-lookup/api',
    );
  });

  it('follows a relation link to the related entity’s page', async () => {
    const u = userEvent.setup();
    renderCatalogApp('/catalog/default/group/team-a', { entities });
    await heading('team-a');
    const members = await card('Members');
    await u.click(await within(members).findByRole('link', { name: 'JANE' }));
    await heading('JANE');
    expect(window.location.pathname).toBe('/catalog/default/user/jane');
    expect(screen.getByRole('link', { name: /^jane@example\.com/ })).toBeTruthy();
    const groups = await card('Groups');
    expect(await within(groups).findByRole('link', { name: 'team-a' })).toBeTruthy();
  });

  it('counts ownership by kind and links to the filtered catalog', async () => {
    const { backend } = renderCatalogApp('/catalog/default/group/team-a', { entities });
    const ownership = await card('Ownership');
    const link = await within(ownership).findByRole('link', { name: 'Component: 3' });
    expect(link.getAttribute('href')).toBe(
      '/catalog?filters%5Bkind%5D=component&filters%5Bowners%5D=group%3Adefault%2Fteam-a',
    );
    const call = backend.catalogCalls().find(c => c.path === '/entity-facets');
    expect(call?.params.getAll('filter')).toEqual(['relations.ownedBy=group:default/team-a']);
  });

  it('shows provided APIs on the API tab and a non-OpenAPI definition as code', async () => {
    const u = userEvent.setup();
    renderCatalogApp('/catalog/default/component/artist-lookup', { entities });
    await heading('artist-lookup');
    await u.click(screen.getByRole('tab', { name: 'API' }));
    const provided = await card('Provided APIs');
    await u.click(await within(provided).findByRole('link', { name: 'artist-api' }));
    await heading('artist-api');
    await u.click(screen.getByRole('tab', { name: 'Definition' }));
    expect(await screen.findByText('type Query { artist: String }')).toBeTruthy();
    expect(window.location.pathname).toBe('/catalog/default/api/artist-api/definition');
  });

  it('stars from the header', async () => {
    const u = userEvent.setup();
    renderCatalogApp('/catalog/default/component/artist-lookup', { entities });
    await heading('artist-lookup');
    await u.click(screen.getByRole('button', { name: 'Add artist-lookup to starred' }));
    expect(screen.getByRole('button', { name: 'Remove artist-lookup from starred' })).toBeTruthy();
    expect(localStorage.getItem('greenroom/starred-entities/user:development/guest')).toBe(
      '["component:default/artist-lookup"]',
    );
  });

  it('inspects the entity as YAML, JSON and processing errors', async () => {
    const u = userEvent.setup();
    renderCatalogApp('/catalog/default/component/broken', { entities });
    await heading('broken');
    // The processing error is on the page without opening anything.
    expect(screen.getByRole('alert').textContent).toContain('InputError: spec.owner is required');
    await u.click(screen.getByRole('button', { name: 'More actions' }));
    await u.click(screen.getByRole('menuitem', { name: 'Inspect entity' }));
    const dialog = await screen.findByRole('dialog', { name: 'Inspect broken' });
    expect(within(dialog).getByTestId('inspect-yaml').textContent).toContain('kind: Component\n');
    expect(within(dialog).getByTestId('inspect-yaml').textContent).toContain('  name: broken\n');
    await u.click(within(dialog).getByRole('tab', { name: 'JSON' }));
    expect(JSON.parse(within(dialog).getByTestId('inspect-json').textContent!)).toEqual(broken);
    await u.click(within(dialog).getByRole('tab', { name: 'Processing errors (1)' }));
    expect(within(dialog).getByText('spec.owner is required')).toBeTruthy();
    await u.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('unregisters the registered location an entity comes from, after confirming', async () => {
    const u = userEvent.setup();
    const location = {
      id: 'loc-1',
      type: 'url',
      target: 'https://git.example.com/acme/catalog-info.yaml',
    };
    const { backend } = renderCatalogApp('/catalog/default/component/artist-lookup', {
      entities,
      locations: {
        'component:default/artist-lookup': location,
        'component:default/artist-worker': location,
      },
    });
    await heading('artist-lookup');
    await u.click(screen.getByRole('button', { name: 'More actions' }));
    await u.click(screen.getByRole('menuitem', { name: 'Unregister entity' }));
    const dialog = await screen.findByRole('dialog', { name: 'Unregister entity' });
    expect(await within(dialog).findByText(/every entity it produced \(2 in total\)/)).toBeTruthy();
    expect(within(dialog).getByText('component:artist-worker')).toBeTruthy();
    const colocated = backend
      .catalogCalls()
      .find(c => c.params.getAll('filter').some(f => f.includes('managed-by-origin')));
    expect(colocated?.params.getAll('filter')).toEqual([
      `metadata.annotations.backstage.io/managed-by-origin-location=${ORIGIN}`,
    ]);
    await u.click(within(dialog).getByRole('button', { name: 'Unregister location' }));
    await waitFor(() => expect(window.location.pathname).toBe('/catalog'));
    expect(
      backend
        .catalogCalls()
        .filter(c => c.method === 'DELETE')
        .map(c => c.path),
    ).toEqual(['/locations/loc-1']);
    expect(backend.entities.map(e => e.metadata.name)).not.toContain('artist-lookup');
  });

  it('deletes by uid an entity that is not in a registered location; cancel does nothing', async () => {
    const u = userEvent.setup();
    const { backend } = renderCatalogApp('/catalog/default/component/artist-worker', { entities });
    await heading('artist-worker');
    await u.click(screen.getByRole('button', { name: 'More actions' }));
    await u.click(screen.getByRole('menuitem', { name: 'Unregister entity' }));
    let dialog = await screen.findByRole('dialog', { name: 'Unregister entity' });
    expect(await within(dialog).findByText(/not in a registered location/)).toBeTruthy();
    await u.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(backend.catalogCalls().filter(c => c.method === 'DELETE')).toEqual([]);

    await u.click(screen.getByRole('button', { name: 'More actions' }));
    await u.click(screen.getByRole('menuitem', { name: 'Unregister entity' }));
    dialog = await screen.findByRole('dialog', { name: 'Unregister entity' });
    await u.click(await within(dialog).findByRole('button', { name: 'Delete entity' }));
    await waitFor(() => expect(window.location.pathname).toBe('/catalog'));
    expect(
      backend
        .catalogCalls()
        .filter(c => c.method === 'DELETE')
        .map(c => c.path),
    ).toEqual(['/entities/by-uid/uid-artist-worker']);
  });

  it('shows why unregistering failed and stays on the page', async () => {
    const u = userEvent.setup();
    renderCatalogApp('/catalog/default/component/artist-worker', {
      entities,
      route: ({ method }) =>
        method === 'DELETE'
          ? new Response(
              JSON.stringify({
                error: { name: 'NotAllowedError', message: 'not yours' },
                response: { statusCode: 403 },
              }),
              { status: 403 },
            )
          : undefined,
    });
    await heading('artist-worker');
    await u.click(screen.getByRole('button', { name: 'More actions' }));
    await u.click(screen.getByRole('menuitem', { name: 'Unregister entity' }));
    const dialog = await screen.findByRole('dialog', { name: 'Unregister entity' });
    await u.click(await within(dialog).findByRole('button', { name: 'Delete entity' }));
    expect(await within(dialog).findByText('Could not unregister: not yours')).toBeTruthy();
    expect(window.location.pathname).toBe('/catalog/default/component/artist-worker');
  });

  it('refreshes and copies the entity URL from the menu', async () => {
    const u = userEvent.setup();
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const { backend } = renderCatalogApp('/catalog/default/component/artist-lookup', { entities });
    await heading('artist-lookup');
    await u.click(screen.getByRole('button', { name: 'More actions' }));
    await u.click(screen.getByRole('menuitem', { name: 'Refresh' }));
    expect(await screen.findByText('Refresh scheduled')).toBeTruthy();
    expect(backend.catalogCalls().find(c => c.path === '/refresh')?.body).toEqual({
      entityRef: 'component:default/artist-lookup',
    });
    await u.click(screen.getByRole('button', { name: 'More actions' }));
    await u.click(screen.getByRole('menuitem', { name: 'Copy entity URL' }));
    expect(await screen.findByText('Entity URL copied to the clipboard')).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith(
      'http://localhost:3000/catalog/default/component/artist-lookup',
    );
  });

  it('links View TechDocs and Launch template through the bound external routes', async () => {
    const docsRoot = createRouteRef({ id: 'test-techdocs.root' });
    const docRoot = createSubRouteRef({ parent: docsRoot, path: '/:namespace/:kind/:name' });
    const createRoot = createRouteRef({ id: 'test-scaffolder.root' });
    const selectedTemplate = createSubRouteRef({
      parent: createRoot,
      path: '/templates/:namespace/:templateName',
    });
    const page = (routeRef: typeof docsRoot, path: string) =>
      createRoutableExtension({
        name: path,
        mountPoint: routeRef,
        path,
        component: async () => () => null,
      });
    const techdocs = createPlugin({
      id: 'techdocs',
      routes: { docRoot },
      pages: [page(docsRoot, '/docs')],
    });
    const scaffolder = createPlugin({
      id: 'scaffolder',
      routes: { root: createRoot, selectedTemplate },
      pages: [page(createRoot, '/create')],
    });
    const documented = component('documented', {
      annotations: { 'backstage.io/techdocs-ref': 'dir:.' },
    });
    const template = {
      apiVersion: 'scaffolder.backstage.io/v1beta3',
      kind: 'Template',
      metadata: { name: 'react-app', namespace: 'default', uid: 'uid-template' },
      spec: { type: 'website', owner: 'team-a', steps: [] },
    };
    // Bound by their default targets: nothing is written in code or config.
    renderCatalogApp(
      '/catalog/default/component/documented',
      { entities: [documented, template] },
      { plugins: [techdocs, scaffolder] },
    );
    await heading('documented');
    const about = await card('About');
    expect(within(about).getByRole('link', { name: 'View TechDocs' }).getAttribute('href')).toBe(
      '/docs/default/component/documented',
    );
    cleanup();
    renderCatalogApp(
      '/catalog/default/template/react-app',
      { entities: [documented, template] },
      { plugins: [techdocs, scaffolder] },
    );
    await heading('react-app');
    expect(
      within(await card('About'))
        .getByRole('link', { name: 'Launch template' })
        .getAttribute('href'),
    ).toBe('/create/templates/default/react-app');
  });

  it('hides View TechDocs when the docs route is unbound', async () => {
    renderCatalogApp('/catalog/default/component/documented', {
      entities: [
        component('documented', { annotations: { 'backstage.io/techdocs-ref': 'dir:.' } }),
      ],
    });
    await heading('documented');
    expect(within(await card('About')).queryByRole('link', { name: 'View TechDocs' })).toBeNull();
  });

  it('says so when the entity does not exist', async () => {
    renderCatalogApp('/catalog/default/component/nope', { entities });
    await heading('Entity not found');
    expect(screen.getByText('There is no component named nope in namespace default.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to the catalog' }).getAttribute('href')).toBe(
      '/catalog',
    );
  });
});

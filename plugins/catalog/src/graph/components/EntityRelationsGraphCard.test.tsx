import { ApiProvider, routeResolutionApiRef } from '@greenroom/frontend-plugin-api';
import type { ApiRef } from '@greenroom/frontend-plugin-api';
import { catalogApiRef, entityRouteRef } from '@greenroom/plugin-catalog-react';
import type { CatalogApi } from '@greenroom/plugin-catalog-react';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useParams } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeGraphCatalog } from '../testing/fakeGraphCatalog';
import type { RelationSpec } from '../testing/fakeGraphCatalog';
import { stubReactFlowDom } from '../testing/stubReactFlowDom';
import { EntityRelationsGraphCard } from './EntityRelationsGraphCard';

const refs = [
  'component:default/shop',
  'group:default/team-a',
  'system:default/webshop',
  'user:default/alice',
];
const relations: RelationSpec[] = [
  ['component:default/shop', 'ownedBy', 'group:default/team-a'],
  ['component:default/shop', 'partOf', 'system:default/webshop'],
  ['user:default/alice', 'memberOf', 'group:default/team-a'],
];

function EntityPageStandIn() {
  const { namespace, kind, name } = useParams();
  return <p data-testid="entity-page">{`${namespace}/${kind}/${name}`}</p>;
}

function renderCard(
  api: Pick<CatalogApi, 'getEntitiesByRefs'>,
  props: { entityRef?: string; maxNodes?: number } = {},
) {
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
        : ref.id === routeResolutionApiRef.id
          ? (routes as T)
          : undefined,
  };
  return render(
    <ApiProvider apis={apis}>
      <MemoryRouter initialEntries={['/catalog/default/component/shop']}>
        <Routes>
          <Route
            path="/catalog/default/component/shop"
            element={
              <EntityRelationsGraphCard
                entityRef={props.entityRef ?? 'component:default/shop'}
                maxNodes={props.maxNodes}
              />
            }
          />
          <Route path="/catalog/:namespace/:kind/:name" element={<EntityPageStandIn />} />
        </Routes>
      </MemoryRouter>
    </ApiProvider>,
  );
}

async function chooseOption(label: string, option: string) {
  await userEvent.click(screen.getByRole('combobox', { name: label }));
  await userEvent.click(await screen.findByRole('option', { name: option }));
  await userEvent.keyboard('{Escape}');
}

beforeEach(() => stubReactFlowDom());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('EntityRelationsGraphCard', () => {
  it('draws the root and its relations, and grows with depth', async () => {
    const catalog = fakeGraphCatalog(refs, relations);
    renderCard(catalog.api);
    const graph = await screen.findByRole('application', {
      name: 'Relations of component:default/shop',
    });
    const root = await within(graph).findByRole('link', { name: /This entity/ });
    expect(root.textContent).toContain('shop');
    expect(root.getAttribute('aria-current')).toBe('page');
    expect(root.textContent).toContain('This entity');
    expect(
      within(graph)
        .getByRole('link', { name: /team-a/ })
        .getAttribute('href'),
    ).toBe('/catalog/default/group/team-a');
    expect(within(graph).queryByRole('link', { name: /alice/ })).toBeNull();
    expect(screen.getByText('3 entities, 2 relations')).toBeTruthy();
    const legend = within(graph).getByRole('list', { name: 'Relation types' });
    expect(
      within(legend)
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual(['owned by', 'part of']);

    await chooseOption('Depth', '2');
    expect(await screen.findByRole('link', { name: /alice/ })).toBeTruthy();
    expect(screen.getByText('4 entities, 3 relations')).toBeTruthy();
    // Depth 2 fetched only the new ring: root, ring 1, then ring 2.
    expect(catalog.requests.map(r => r.entityRefs)).toEqual([
      ['component:default/shop'],
      ['group:default/team-a', 'system:default/webshop'],
      ['user:default/alice'],
    ]);
  });

  it('filters by kind and relation type', async () => {
    renderCard(fakeGraphCatalog(refs, relations).api);
    await screen.findByRole('link', { name: /team-a/ });

    await chooseOption('Kinds', 'System');
    await waitFor(() => expect(screen.queryByRole('link', { name: /team-a/ })).toBeNull());
    expect(screen.getByRole('link', { name: /webshop/ })).toBeTruthy();

    await chooseOption('Kinds', 'System');
    await chooseOption('Relations', 'Ownership');
    await waitFor(() => expect(screen.queryByRole('link', { name: /webshop/ })).toBeNull());
    expect(screen.getByRole('link', { name: /team-a/ })).toBeTruthy();
  });

  it('opens the page of the entity clicked', async () => {
    renderCard(fakeGraphCatalog(refs, relations).api);
    await userEvent.click(await screen.findByRole('link', { name: /team-a/ }));
    expect((await screen.findByTestId('entity-page')).textContent).toBe('default/group/team-a');
  });

  it('reaches every entity with the keyboard', async () => {
    renderCard(fakeGraphCatalog(refs, relations).api);
    const teamA = await screen.findByRole('link', { name: /team-a/ });
    teamA.focus();
    await userEvent.keyboard('{Enter}');
    expect((await screen.findByTestId('entity-page')).textContent).toBe('default/group/team-a');
  });

  it('says when the graph is capped', async () => {
    const many = Array.from({ length: 12 }, (_, i) => `component:default/c${i}`);
    const catalog = fakeGraphCatalog(
      ['group:default/big', ...many],
      many.map((ref): RelationSpec => [ref, 'ownedBy', 'group:default/big']),
    );
    renderCard(catalog.api, { entityRef: 'group:default/big', maxNodes: 5 });
    expect(
      await screen.findByText(
        'Showing the first 5 entities only. Lower the depth or narrow the filters to see the rest.',
      ),
    ).toBeTruthy();
    expect(screen.getAllByRole('link', { name: /^Component/ })).toHaveLength(4);
  });

  it('says when the entity is not in the catalog, and when it has no relations', async () => {
    renderCard(fakeGraphCatalog(refs, relations).api, { entityRef: 'component:default/nope' });
    expect(
      await screen.findByText('The entity component:default/nope is not in the catalog.'),
    ).toBeTruthy();
    cleanup();
    renderCard(fakeGraphCatalog(['component:default/alone'], []).api, {
      entityRef: 'component:default/alone',
    });
    expect(await screen.findByText('No related entities match these filters.')).toBeTruthy();
  });

  it('shows the error when the catalog fails', async () => {
    renderCard({
      getEntitiesByRefs: async () => {
        throw new Error('Request failed with 503, catalog is starting');
      },
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not load the relations');
    expect(alert.textContent).toContain('Request failed with 503, catalog is starting');
  });
});

import {
  ApiProvider,
  createApiFactory,
  createExternalRouteRef,
  createPlugin,
  createRoutableExtension,
  createRouteRef,
  createSubRouteRef,
  routeResolutionApiRef,
  useRouteRef,
} from '@greenroom/frontend-plugin-api';
import type { ExternalRouteRef } from '@greenroom/frontend-plugin-api';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiRegistry } from '../apis/ApiRegistry';
import { RouteResolver } from './RouteResolver';
import { collectMountedPaths } from './collectMountedPaths';
import { resolveRouteBindings } from './resolveRouteBindings';

const page = async () => () => null;
const catalogRoot = createRouteRef({ id: 'catalog.root' });
const entityRoute = createSubRouteRef({ parent: catalogRoot, path: '/:namespace/:kind/:name' });
const docsRoot = createRouteRef({ id: 'techdocs.docRoot', params: ['name'] });
const unmounted = createRouteRef({ id: 'catalog.unmounted' });
const viewDocs = createExternalRouteRef({
  optional: true,
  params: ['name'],
  defaultTarget: 'techdocs.docRoot',
});
const createComponent = createExternalRouteRef({
  optional: true,
  defaultTarget: 'scaffolder.root',
});

const catalog = createPlugin({
  id: 'catalog',
  routes: { root: catalogRoot, entity: entityRoute, unmounted },
  externalRoutes: { viewDocs, createComponent },
  pages: [
    createRoutableExtension({
      name: 'CatalogPage',
      mountPoint: catalogRoot,
      path: '/catalog',
      component: page,
    }),
  ],
});
const techdocs = createPlugin({
  id: 'techdocs',
  routes: { docRoot: docsRoot },
  pages: [
    createRoutableExtension({
      name: 'DocsPage',
      mountPoint: docsRoot,
      path: '/docs/:name',
      component: page,
    }),
  ],
});

function renderWithRoutes(ui: React.ReactNode, config?: unknown) {
  const plugins = [catalog, techdocs];
  const resolver = new RouteResolver(
    collectMountedPaths(plugins).paths,
    resolveRouteBindings({ plugins, config }),
  );
  const apis = new ApiRegistry([createApiFactory(routeResolutionApiRef, resolver)]);
  return render(<ApiProvider apis={apis}>{ui}</ApiProvider>);
}

function Links() {
  const root = useRouteRef(catalogRoot);
  const entity = useRouteRef(entityRoute);
  return (
    <>
      <p data-testid="root">{root()}</p>
      <p data-testid="entity">
        {entity({ namespace: 'default', kind: 'component', name: 'a b/c' })}
      </p>
    </>
  );
}

function OptionalLink(props: { routeRef: ExternalRouteRef<undefined, true> }) {
  const link = useRouteRef(props.routeRef);
  return link ? <a href={link()}>go</a> : <p>hidden</p>;
}

function DocsLink() {
  const link = useRouteRef(viewDocs);
  return <p data-testid="docs">{link ? link({ name: 'guide' }) : 'hidden'}</p>;
}

afterEach(cleanup);

describe('useRouteRef', () => {
  it('builds paths of routes and sub routes, encoding params', () => {
    renderWithRoutes(<Links />);
    expect(screen.getByTestId('root').textContent).toBe('/catalog');
    expect(screen.getByTestId('entity').textContent).toBe('/catalog/default/component/a%20b%2Fc');
  });

  it('follows an external route to its bound target', () => {
    renderWithRoutes(<DocsLink />);
    expect(screen.getByTestId('docs').textContent).toBe('/docs/guide');
  });

  it('returns undefined for an unbound optional external route, so the link hides', () => {
    renderWithRoutes(<OptionalLink routeRef={createComponent} />);
    expect(screen.getByText('hidden')).toBeTruthy();
  });

  it('follows a config binding', () => {
    renderWithRoutes(<OptionalLink routeRef={createComponent} />, {
      'catalog.createComponent': 'catalog.root',
    });
    expect(screen.getByRole('link').getAttribute('href')).toBe('/catalog');
  });

  it('hides a link that config unbinds', () => {
    renderWithRoutes(<DocsLink />, { 'catalog.viewDocs': false });
    expect(screen.getByTestId('docs').textContent).toBe('hidden');
  });

  it('names a route that has no page mounted', () => {
    function Broken() {
      return <p>{useRouteRef(unmounted)()}</p>;
    }
    expect(() => renderWithRoutes(<Broken />)).toThrow(
      "Route 'catalog.unmounted' has no page mounted in the app",
    );
  });

  it('names a missing param', () => {
    function Broken() {
      const docs = useRouteRef(docsRoot);
      return <p>{docs({ name: '' })}</p>;
    }
    expect(() => renderWithRoutes(<Broken />)).toThrow(
      "Missing value for route param ':name' of '/docs/:name'",
    );
  });
});

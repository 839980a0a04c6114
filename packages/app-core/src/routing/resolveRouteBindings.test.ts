import {
  createExternalRouteRef,
  createPlugin,
  createRouteRef,
  createSubRouteRef,
} from '@greenroom/frontend-plugin-api';
import { describe, expect, it } from 'vitest';
import { RouteBindingError } from './RouteBindingError';
import { resolveRouteBindings } from './resolveRouteBindings';

// Plugins shaped like the ones the portal will have, with Backstage's default targets.
function makePlugins() {
  const scaffolderRoot = createRouteRef({ id: 'scaffolder.root' });
  const scaffolderSelectedTemplate = createSubRouteRef({
    id: 'scaffolder.selectedTemplate',
    parent: scaffolderRoot,
    path: '/templates/:namespace/:templateName',
  });
  const scaffolder = createPlugin({
    id: 'scaffolder',
    routes: { root: scaffolderRoot, selectedTemplate: scaffolderSelectedTemplate },
    externalRoutes: {
      registerComponent: createExternalRouteRef({
        optional: true,
        defaultTarget: 'catalog-import.importPage',
      }),
      viewTechDoc: createExternalRouteRef({
        optional: true,
        params: ['namespace', 'kind', 'name'],
        defaultTarget: 'techdocs.docRoot',
      }),
    },
  });
  const catalog = createPlugin({
    id: 'catalog',
    routes: { root: createRouteRef({ id: 'catalog.root' }) },
    externalRoutes: {
      createComponent: createExternalRouteRef({ optional: true, defaultTarget: 'scaffolder.root' }),
      viewTechDoc: createExternalRouteRef({
        optional: true,
        params: ['namespace', 'kind', 'name'],
        defaultTarget: 'techdocs.docRoot',
      }),
      createFromTemplate: createExternalRouteRef({
        optional: true,
        params: ['namespace', 'templateName'],
        defaultTarget: 'scaffolder.selectedTemplate',
      }),
      home: createExternalRouteRef(),
    },
  });
  const techdocs = createPlugin({
    id: 'techdocs',
    routes: {
      root: createRouteRef({ id: 'techdocs.root' }),
      docRoot: createRouteRef({ id: 'techdocs.docRoot', params: ['namespace', 'kind', 'name'] }),
    },
  });
  const catalogImport = createPlugin({
    id: 'catalog-import',
    routes: { importPage: createRouteRef({ id: 'catalog-import.importPage' }) },
  });
  return { scaffolder, catalog, techdocs, catalogImport };
}

function problemsOf(run: () => unknown): readonly string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(RouteBindingError);
    return (error as RouteBindingError).problems;
  }
  throw new Error('expected a RouteBindingError');
}

describe('resolveRouteBindings', () => {
  it('binds in code', () => {
    const { catalog, scaffolder, techdocs } = makePlugins();
    const bindings = resolveRouteBindings({
      plugins: [catalog, scaffolder, techdocs],
      bindRoutes({ bind }) {
        bind(catalog.externalRoutes, {
          home: techdocs.routes.root,
          createComponent: techdocs.routes.root,
        });
      },
    });
    expect(bindings.get(catalog.externalRoutes.home)).toBe(techdocs.routes.root);
    expect(bindings.get(catalog.externalRoutes.createComponent)).toBe(techdocs.routes.root);
  });

  it('fills what code left unbound from app.routes.bindings', () => {
    const { catalog, techdocs } = makePlugins();
    const bindings = resolveRouteBindings({
      plugins: [catalog, techdocs],
      config: { 'catalog.home': 'techdocs.root' },
    });
    expect(bindings.get(catalog.externalRoutes.home)).toBe(techdocs.routes.root);
  });

  it('never lets a config string replace a code binding', () => {
    const { catalog, scaffolder, techdocs } = makePlugins();
    const bindings = resolveRouteBindings({
      plugins: [catalog, scaffolder, techdocs],
      bindRoutes({ bind }) {
        bind(catalog.externalRoutes, { home: scaffolder.routes.root });
      },
      config: { 'catalog.home': 'techdocs.root' },
    });
    expect(bindings.get(catalog.externalRoutes.home)).toBe(scaffolder.routes.root);
  });

  it('unbinds an optional route bound in code when config says false', () => {
    const { catalog, scaffolder, techdocs } = makePlugins();
    const bindings = resolveRouteBindings({
      plugins: [catalog, scaffolder, techdocs],
      bindRoutes({ bind }) {
        bind(catalog.externalRoutes, {
          home: techdocs.routes.root,
          createComponent: techdocs.routes.root,
        });
      },
      config: { 'catalog.createComponent': false },
    });
    expect(bindings.has(catalog.externalRoutes.createComponent)).toBe(false);
    expect(bindings.get(catalog.externalRoutes.home)).toBe(techdocs.routes.root);
  });

  it('applies every default target when its route is installed', () => {
    const { catalog, scaffolder, techdocs, catalogImport } = makePlugins();
    const bindings = resolveRouteBindings({
      plugins: [catalog, scaffolder, techdocs, catalogImport],
      bindRoutes({ bind }) {
        bind(catalog.externalRoutes, { home: techdocs.routes.root });
      },
    });
    expect(bindings.get(catalog.externalRoutes.createComponent)).toBe(scaffolder.routes.root);
    expect(bindings.get(catalog.externalRoutes.viewTechDoc)).toBe(techdocs.routes.docRoot);
    expect(bindings.get(catalog.externalRoutes.createFromTemplate)).toBe(
      scaffolder.routes.selectedTemplate,
    );
    expect(bindings.get(scaffolder.externalRoutes.registerComponent)).toBe(
      catalogImport.routes.importPage,
    );
    expect(bindings.get(scaffolder.externalRoutes.viewTechDoc)).toBe(techdocs.routes.docRoot);
  });

  it('leaves a default target unbound when its plugin is not installed', () => {
    const { catalog, techdocs } = makePlugins();
    const bindings = resolveRouteBindings({
      plugins: [catalog, techdocs],
      config: { 'catalog.home': 'techdocs.root' },
    });
    expect(bindings.has(catalog.externalRoutes.createComponent)).toBe(false);
    expect(bindings.has(catalog.externalRoutes.createFromTemplate)).toBe(false);
    expect(bindings.get(catalog.externalRoutes.viewTechDoc)).toBe(techdocs.routes.docRoot);
  });

  it('prefers a config binding over the default target', () => {
    const { catalog, scaffolder, catalogImport } = makePlugins();
    const bindings = resolveRouteBindings({
      plugins: [catalog, scaffolder, catalogImport],
      config: {
        'catalog.home': 'scaffolder.root',
        'catalog.createComponent': 'catalog-import.importPage',
      },
    });
    expect(bindings.get(catalog.externalRoutes.createComponent)).toBe(
      catalogImport.routes.importPage,
    );
  });

  it('lets config false block the default target', () => {
    const { catalog, scaffolder } = makePlugins();
    const bindings = resolveRouteBindings({
      plugins: [catalog, scaffolder],
      config: { 'catalog.home': 'scaffolder.root', 'catalog.createComponent': false },
    });
    expect(bindings.has(catalog.externalRoutes.createComponent)).toBe(false);
  });

  it('refuses false for a required route, naming the key', () => {
    const { catalog, scaffolder } = makePlugins();
    const problems = problemsOf(() =>
      resolveRouteBindings({
        plugins: [catalog, scaffolder],
        bindRoutes({ bind }) {
          bind(catalog.externalRoutes, { home: scaffolder.routes.root });
        },
        config: { 'catalog.home': false },
      }),
    );
    expect(problems).toEqual([
      "Invalid config at app.routes.bindings['catalog.home']: 'catalog.home' is required and cannot be bound to false",
    ]);
  });

  it('names the key when its plugin id is unknown', () => {
    const { catalog, scaffolder } = makePlugins();
    const problems = problemsOf(() =>
      resolveRouteBindings({
        plugins: [catalog, scaffolder],
        config: { 'catalog.home': 'scaffolder.root', 'nope.createComponent': 'scaffolder.root' },
      }),
    );
    expect(problems).toEqual([
      "Invalid config at app.routes.bindings['nope.createComponent']: 'nope.createComponent' is not a valid external route: no plugin with id 'nope' is installed",
    ]);
  });

  it('names the key when its external route name is unknown', () => {
    const { catalog, scaffolder } = makePlugins();
    const problems = problemsOf(() =>
      resolveRouteBindings({
        plugins: [catalog, scaffolder],
        config: { 'catalog.home': 'scaffolder.root', 'catalog.createThing': 'scaffolder.root' },
      }),
    );
    expect(problems).toEqual([
      "Invalid config at app.routes.bindings['catalog.createThing']: 'catalog.createThing' is not a valid external route: plugin 'catalog' has no external route 'createThing'",
    ]);
  });

  it('names the key and the value when the target plugin or route is unknown', () => {
    const { catalog, scaffolder } = makePlugins();
    const problems = problemsOf(() =>
      resolveRouteBindings({
        plugins: [catalog, scaffolder],
        config: { 'catalog.home': 'scaffolder.nowhere', 'catalog.createComponent': 'ghost.root' },
      }),
    );
    expect(problems).toEqual([
      "Invalid config at app.routes.bindings['catalog.home']: 'scaffolder.nowhere' is not a valid route: plugin 'scaffolder' has no route 'nowhere'",
      "Invalid config at app.routes.bindings['catalog.createComponent']: 'ghost.root' is not a valid route: no plugin with id 'ghost' is installed",
      // catalog.home stayed unbound because its binding was invalid:
      "External route 'catalog.home' is required but was not bound: bind it in bindRoutes or in app.routes.bindings",
    ]);
  });

  it.each([[true], [''], [42], [null], [['scaffolder.root']]])('refuses the value %j', value => {
    const { catalog, scaffolder } = makePlugins();
    const problems = problemsOf(() =>
      resolveRouteBindings({
        plugins: [catalog, scaffolder],
        bindRoutes({ bind }) {
          bind(catalog.externalRoutes, { home: scaffolder.routes.root });
        },
        config: { 'catalog.createComponent': value },
      }),
    );
    expect(problems).toEqual([
      "Invalid config at app.routes.bindings['catalog.createComponent']: value must be a non-empty string or false",
    ]);
  });

  it('refuses a config that is not a map', () => {
    const { catalog, scaffolder } = makePlugins();
    const problems = problemsOf(() =>
      resolveRouteBindings({
        plugins: [catalog, scaffolder],
        bindRoutes({ bind }) {
          bind(catalog.externalRoutes, { home: scaffolder.routes.root });
        },
        config: ['catalog.home'],
      }),
    );
    expect(problems[0]).toMatch(/^Invalid config at app.routes.bindings: expected a map/);
  });

  it('refuses a target that needs params the external route does not provide', () => {
    const { catalog, techdocs } = makePlugins();
    const problems = problemsOf(() =>
      resolveRouteBindings({
        plugins: [catalog, techdocs],
        config: { 'catalog.home': 'techdocs.docRoot' },
      }),
    );
    expect(problems[0]).toBe(
      "Invalid config at app.routes.bindings['catalog.home']: 'techdocs.docRoot' needs the params ':namespace', ':kind', ':name' that 'catalog.home' does not provide",
    );
  });

  it('fails when a required route stays unbound', () => {
    const { catalog } = makePlugins();
    const problems = problemsOf(() => resolveRouteBindings({ plugins: [catalog] }));
    expect(problems).toEqual([
      "External route 'catalog.home' is required but was not bound: bind it in bindRoutes or in app.routes.bindings",
    ]);
  });

  it('reports code bindings that name no external route, are undefined, or target nothing installed', () => {
    const { catalog, scaffolder, techdocs } = makePlugins();
    const problems = problemsOf(() =>
      resolveRouteBindings({
        plugins: [catalog, scaffolder],
        bindRoutes({ bind }) {
          bind(catalog.externalRoutes, { home: undefined, createComponent: techdocs.routes.root });
          bind({ stray: createExternalRouteRef() }, { stray: scaffolder.routes.root });
        },
      }),
    );
    expect(problems).toEqual([
      "bindRoutes: external route 'catalog.home' is required but was undefined",
      "bindRoutes: 'catalog.createComponent' is bound to a route that no installed plugin provides",
      "bindRoutes: key 'stray' is not an external route of an installed plugin",
      "External route 'catalog.home' is required but was not bound: bind it in bindRoutes or in app.routes.bindings",
    ]);
  });

  it('refuses the same plugin id twice and one route under two names', () => {
    const shared = createRouteRef();
    const problems = problemsOf(() =>
      resolveRouteBindings({
        plugins: [
          createPlugin({ id: 'a', routes: { one: shared, two: shared } }),
          createPlugin({ id: 'a' }),
        ],
      }),
    );
    expect(problems).toEqual([
      "Unexpected duplicate route: 'a.two' is the same route as 'a.one'",
      "Plugin id 'a' is installed twice",
    ]);
  });

  it('puts every problem in one error message', () => {
    const { catalog } = makePlugins();
    expect(() => resolveRouteBindings({ plugins: [catalog], config: { 'x.y': 'a.b' } })).toThrow(
      /Invalid route bindings:\n- .*'x\.y'.*\n- .*'catalog\.home'/,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { createRoutableExtension } from '../plugins/createRoutableExtension';
import { createPlugin } from '../plugins/createPlugin';
import { createExternalRouteRef } from './createExternalRouteRef';
import { createRouteRef } from './createRouteRef';
import { createSubRouteRef } from './createSubRouteRef';

const page = async () => () => null;

describe('createSubRouteRef', () => {
  it("has its parent's params and its own", () => {
    const parent = createRouteRef({ id: 'catalog.root', params: ['namespace'] });
    const sub = createSubRouteRef({ parent, path: '/:kind/:name' });
    expect(sub.params).toEqual(['namespace', 'kind', 'name']);
    expect(sub.id).toBe('catalog.root/:kind/:name');
  });

  it.each(['entities', '/entities/', '/:kind/:kind', '/a//b', '/:'])(
    'refuses the path %j',
    path => {
      const parent = createRouteRef({ id: 'root' });
      expect(() => createSubRouteRef({ parent, path })).toThrow(/sub route/i);
    },
  );

  it('refuses a param its parent already has', () => {
    const parent = createRouteRef({ params: ['name'] });
    expect(() => createSubRouteRef({ parent, path: '/:name' })).toThrow(
      "repeats the param ':name'",
    );
  });
});

describe('createExternalRouteRef', () => {
  it('is required unless optional', () => {
    expect(createExternalRouteRef().optional).toBe(false);
    expect(createExternalRouteRef({ optional: true }).optional).toBe(true);
  });

  it("refuses a defaultTarget that is not '<pluginId>.<routeName>'", () => {
    expect(() => createExternalRouteRef({ defaultTarget: 'scaffolder' })).toThrow(
      "Invalid defaultTarget 'scaffolder'",
    );
    expect(
      createExternalRouteRef({ defaultTarget: 'catalog-import.importPage' }).defaultTarget,
    ).toBe('catalog-import.importPage');
  });
});

describe('createRoutableExtension', () => {
  it('needs every param of its route in its path', () => {
    const mountPoint = createRouteRef({ params: ['namespace', 'name'] });
    expect(() =>
      createRoutableExtension({
        name: 'EntityPage',
        mountPoint,
        path: '/catalog/:namespace',
        component: page,
      }),
    ).toThrow("Path '/catalog/:namespace' of page 'EntityPage' lacks the route params ':name'");
    expect(
      createRoutableExtension({
        name: 'EntityPage',
        mountPoint,
        path: '/catalog/:namespace/:name',
        component: page,
      }).path,
    ).toBe('/catalog/:namespace/:name');
  });

  it.each(['catalog', '/catalog/', ''])('refuses the path %j', path => {
    expect(() =>
      createRoutableExtension({ name: 'X', mountPoint: createRouteRef(), path, component: page }),
    ).toThrow(/Invalid path/);
  });
});

describe('createPlugin', () => {
  it.each(['Catalog', 'catalog_import', '-x', ''])('refuses the id %j', id => {
    expect(() => createPlugin({ id })).toThrow(`Invalid plugin id '${id}'`);
  });

  it('refuses route names that cannot appear in a binding key', () => {
    expect(() => createPlugin({ id: 'catalog', routes: { 'a.b': createRouteRef() } })).toThrow(
      "Invalid route name 'a.b' in plugin 'catalog'",
    );
  });
});

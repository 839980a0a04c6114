import { describe, expect, it } from 'vitest';
import { catalogImportPlugin } from './plugin';
import { importPageRouteRef } from './routes';

describe('catalogImportPlugin', () => {
  it('is the catalog-import plugin with its importPage route at /catalog-import and a nav item', async () => {
    expect(catalogImportPlugin.id).toBe('catalog-import');
    expect(catalogImportPlugin.routes).toEqual({ importPage: importPageRouteRef });
    expect(catalogImportPlugin.pages.map(page => [page.path, page.mountPoint])).toEqual([
      ['/catalog-import', importPageRouteRef],
    ]);
    expect(catalogImportPlugin.navItems[0].routeRef).toBe(importPageRouteRef);
    expect(catalogImportPlugin.navItems[0].title.key).toBe('nav.title');
  });
});

import { createExternalRouteRef, createRouteRef } from '@greenroom/frontend-plugin-api';

export const homeRouteRef = createRouteRef({ id: 'home.root' });

// Shortcuts on the home page; each shows only when bound (by default, once the plugin is installed).
export const createComponentRouteRef = createExternalRouteRef({
  id: 'home.createComponent',
  optional: true,
  defaultTarget: 'scaffolder.root',
});
export const browseCatalogRouteRef = createExternalRouteRef({
  id: 'home.browseCatalog',
  optional: true,
  defaultTarget: 'catalog.root',
});
export const readDocsRouteRef = createExternalRouteRef({
  id: 'home.readDocs',
  optional: true,
  defaultTarget: 'techdocs.root',
});

import { createExternalRouteRef, createRouteRef } from '@greenroom/frontend-plugin-api';

/** The catalog index, `/catalog` by default (route `catalog.root`). */
export const rootRouteRef = createRouteRef({ id: 'catalog.root' });

/** The "Create" button of the index page; hidden when the app binds nothing. */
export const createComponentRouteRef = createExternalRouteRef({
  id: 'catalog.createComponent',
  optional: true,
  defaultTarget: 'scaffolder.root',
});

/** "View TechDocs" on the About card of an entity with docs. */
export const viewTechDocRouteRef = createExternalRouteRef({
  id: 'catalog.viewTechDoc',
  optional: true,
  params: ['namespace', 'kind', 'name'],
  defaultTarget: 'techdocs.docRoot',
});

/** "Launch template" on the About card of a Template. */
export const createFromTemplateRouteRef = createExternalRouteRef({
  id: 'catalog.createFromTemplate',
  optional: true,
  params: ['namespace', 'templateName'],
  defaultTarget: 'scaffolder.selectedTemplate',
});

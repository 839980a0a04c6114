import { createRouteRef } from '@greenroom/frontend-plugin-api';

/**
 * The entity page, `/catalog/:namespace/:kind/:name` by default. It lives here, not in the catalog
 * plugin, so any plugin can link to entities without importing the catalog plugin's code; the
 * catalog plugin mounts its entity page on it (route name `catalog.catalogEntity`). It imports
 * nothing else, so the app's main bundle can hold it without the catalog model.
 */
export const entityRouteRef = createRouteRef({
  id: 'catalog.catalogEntity',
  params: ['namespace', 'kind', 'name'],
});

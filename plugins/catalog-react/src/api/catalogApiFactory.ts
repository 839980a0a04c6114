import { createApiFactory, discoveryApiRef, fetchApiRef } from '@greenroom/frontend-plugin-api';
import type { DiscoveryApi, FetchApi } from '@greenroom/frontend-plugin-api';
import { catalogApiRef } from './CatalogApi';
import type { CatalogApi } from './CatalogApi';

/**
 * A `CatalogApi` that loads the HTTP client on first call. The factory is in the app's main
 * bundle (plugins register their APIs up front); the client and the catalog model it needs are
 * only wanted once a catalog page asks for something.
 */
function lazyCatalogClient(deps: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }): CatalogApi {
  let client: Promise<CatalogApi> | undefined;
  const load = () => (client ??= import('./CatalogClient').then(m => new m.CatalogClient(deps)));
  return new Proxy({} as CatalogApi, {
    get:
      (_, method: string) =>
      async (...args: unknown[]) => {
        const loaded = (await load()) as unknown as Record<string, (...a: unknown[]) => unknown>;
        return loaded[method](...args);
      },
  });
}

/** The default `catalogApiRef` implementation: the catalog backend through the user's fetch. */
export const catalogApiFactory = createApiFactory({
  api: catalogApiRef,
  deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
  factory: ({ discoveryApi, fetchApi }) => lazyCatalogClient({ discoveryApi, fetchApi }),
});

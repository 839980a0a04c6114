import { createExtensionPoint } from '@greenroom/backend-plugin-api';
import type { PlaceholderResolver } from './placeholder';
import type { CatalogProcessor } from './processor';
import type { EntityProvider } from './provider';

/** How modules add processors, providers and placeholder resolvers to the catalog. */
export interface CatalogProcessingExtensionPoint {
  /** A processor with the name of a built-in one replaces it. */
  addProcessor(...processors: Array<CatalogProcessor | CatalogProcessor[]>): void;
  addEntityProvider(...providers: Array<EntityProvider | EntityProvider[]>): void;
  addPlaceholderResolver(key: string, resolver: PlaceholderResolver): void;
}

export const catalogProcessingExtensionPoint =
  createExtensionPoint<CatalogProcessingExtensionPoint>({ id: 'catalog.processing' });

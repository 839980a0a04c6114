export { catalogProcessingExtensionPoint } from './extensions';
export type { CatalogProcessingExtensionPoint } from './extensions';
export type { JsonObject, JsonPrimitive, JsonValue } from './json';
export type { PlaceholderResolver, PlaceholderResolverParams } from './placeholder';
export { processingResult } from './processor';
export type {
  CatalogProcessor,
  CatalogProcessorCache,
  CatalogProcessorEmit,
  CatalogProcessorParser,
  CatalogProcessorResult,
  EntityRelationSpec,
  LocationSpec,
} from './processor';
export type {
  DeferredEntity,
  EntityProvider,
  EntityProviderConnection,
  EntityProviderMutation,
  EntityProviderRefreshOptions,
} from './provider';

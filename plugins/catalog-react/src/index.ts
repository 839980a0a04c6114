// The catalog API
export { CATALOG_FILTER_EXISTS, catalogApiRef } from './api/CatalogApi';
export type {
  AddLocationResponse,
  AnalyzeLocationResponse,
  CatalogApi,
  CatalogLocation,
  EntityAncestry,
  EntityFilterQuery,
  QueryEntitiesRequest,
  QueryEntitiesResponse,
} from './api/CatalogApi';
export { CatalogClient } from './api/CatalogClient';
export { catalogApiFactory } from './api/catalogApiFactory';
export { CatalogResponseError } from './api/responseToError';

// Linking to entities
export { entityRouteParams } from './routing/entityRouteParams';
export { entityRouteRef } from './routing/entityRouteRef';
export { EntityRefLink } from './components/EntityRefLink';
export type { EntityRefLinkProps } from './components/EntityRefLink';
export { EntityRefLinks } from './components/EntityRefLinks';
export { entityDisplayName, humanizeEntityRef } from './utils/humanizeEntityRef';

// Entity pages
export { EntityProvider, useAsyncEntity, useEntity } from './hooks/EntityContext';
export type { AsyncEntityState } from './hooks/EntityContext';

// Stars
export { StarredEntities } from './starred/StarredEntities';
export { useStarredEntities } from './starred/useStarredEntities';

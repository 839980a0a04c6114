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

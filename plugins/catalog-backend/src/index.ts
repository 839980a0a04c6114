export { catalogPlugin } from './plugin';
export { createCatalogStorage } from './database/createCatalogStorage';
export type { CatalogStorage } from './database/createCatalogStorage';
export { createCatalogStore } from './database/CatalogStore';
export type { CatalogStore, FinalEntityInput } from './database/CatalogStore';
export { createEntityQueries } from './database/EntityQueries';
export type { EntityQueries } from './database/EntityQueries';
export { getEntityAncestry } from './database/getEntityAncestry';
export type { EntityAncestry } from './database/getEntityAncestry';
export { applyCatalogMigrations } from './database/migrations';
export {
  CATALOG_ERRORS_TOPIC,
  CATALOG_PROCESSING_TASK_ID,
  createProcessingEngine,
  readProcessingConfig,
} from './processing';
export type {
  CatalogErrorsEventPayload,
  ProcessingBatchSummary,
  ProcessingConfig,
  ProcessingEngine,
} from './processing';

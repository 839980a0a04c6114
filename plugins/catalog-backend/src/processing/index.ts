export { createProcessingEngine } from './ProcessingEngine';
export type {
  ProcessingBatchSummary,
  ProcessingEngine,
  ProcessingEngineOptions,
} from './ProcessingEngine';
export { readProcessingConfig } from './config';
export type { CatalogRule, OrphanStrategy, ProcessingConfig, StaticLocation } from './config';
export { CATALOG_ERRORS_TOPIC } from './publishErrors';
export type { CatalogErrorsEventPayload } from './publishErrors';
export { CATALOG_PROCESSING_TASK_ID } from './scheduleCatalogRefresh';
export { PROCESSING_STATUS_TYPE } from '../database/stitchFinalEntities';
export type { ProcessingError } from './types';

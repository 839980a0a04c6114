export { createProcessingEngine } from './ProcessingEngine';
export type {
  ProcessingEngine,
  ProcessingEngineOptions,
  ProcessingRunSummary,
} from './ProcessingEngine';
export { readProcessingConfig } from './config';
export type { CatalogRule, OrphanStrategy, ProcessingConfig, StaticLocation } from './config';
export { CATALOG_ERRORS_TOPIC } from './publishErrors';
export type { CatalogErrorsEventPayload } from './publishErrors';
export { CATALOG_PROCESSING_TASK_ID, scheduleCatalogProcessing } from './scheduleCatalogProcessing';
export { PROCESSING_STATUS_TYPE } from './stitchEntities';
export type { ProcessingError } from './types';

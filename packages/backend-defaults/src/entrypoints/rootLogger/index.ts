export { LOG_LEVELS, createRootLogger } from './createRootLogger';
export type { LogDestination, LogLevel, RootLogger, RootLoggerOptions } from './createRootLogger';
export { readRootLoggerOptions } from './readRootLoggerOptions';
export { rootLoggerServiceFactory } from './rootLoggerServiceFactory';

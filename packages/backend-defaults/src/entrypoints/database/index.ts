export { DatabaseManager } from './DatabaseManager';
export type { DatabaseManagerOptions, PluginDatabaseOptions } from './DatabaseManager';
export { databaseServiceFactory } from './databaseServiceFactory';
export { DEFAULT_POSTGRES_POOL } from './connectors/postgres';

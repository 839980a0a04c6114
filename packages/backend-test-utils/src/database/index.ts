export { TestDatabases } from './TestDatabases';
export type { TestDatabaseId } from './TestDatabases';

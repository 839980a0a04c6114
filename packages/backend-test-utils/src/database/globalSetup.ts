import type { TestProject } from 'vitest/node';
import { setupTestPostgres } from './setupTestPostgres';

/**
 * Vitest global setup: one PostgreSQL server for the whole run. Each test creates its own
 * databases on it (see TestDatabases), so test files stay independent without a server each.
 */
export default function setup(project: TestProject): Promise<() => Promise<void>> {
  return setupTestPostgres(project);
}

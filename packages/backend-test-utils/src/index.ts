export { createTestLogger } from './services/testLogger';
export type { CapturedLogLine } from './services/testLogger';

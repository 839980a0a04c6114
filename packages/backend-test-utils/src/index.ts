export { createTestLogger } from './services/testLogger';
export type { CapturedLogLine } from './services/testLogger';
export * from './database';
export * from './backend';
export { TestBrowser } from './http/TestBrowser';

export { startTestBackend } from './startTestBackend';
export type { StartTestBackendOptions, TestBackend } from './startTestBackend';
export type { FeatureInput } from './types';

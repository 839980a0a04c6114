import type { Backend } from '@greenroom/backend-defaults';

/** Anything `backend.add()` accepts. */
export type FeatureInput = Parameters<Backend['add']>[0];

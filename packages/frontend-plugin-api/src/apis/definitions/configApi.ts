import type { Config } from '@greenroom/config/reader';
import { createApiRef } from '../ApiRef';

/** The frontend-visible configuration (keys marked `visibility: frontend` in the schemas). */
export type ConfigApi = Config;

export const configApiRef = createApiRef<ConfigApi>({ id: 'core.config' });

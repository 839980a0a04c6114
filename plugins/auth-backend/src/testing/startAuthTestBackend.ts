import { coreServices, createServiceFactory } from '@greenroom/backend-plugin-api';
import {
  createTestLogger,
  startTestBackend,
  type CapturedLogLine,
  type FeatureInput,
  type TestBackend,
} from '@greenroom/backend-test-utils';
import type { JsonObject } from '@greenroom/config';
import { authPlugin } from '../plugin';

export const APP_URL = 'http://localhost:3000';
export const APP_ORIGIN = APP_URL;

export interface AuthTestBackend extends TestBackend {
  /** `<url>/api/auth`, the real address. */
  authUrl: string;
  logs: CapturedLogLine[];
}

/**
 * A real backend with the auth plugin and `features`, every log line captured. `app.baseUrl`
 * defaults to APP_URL, so that is the allowed origin.
 */
export async function startAuthTestBackend(
  options: { features?: FeatureInput[]; config?: JsonObject } = {},
): Promise<AuthTestBackend> {
  const logger = createTestLogger();
  const backend = await startTestBackend({
    features: [
      authPlugin,
      ...(options.features ?? []),
      createServiceFactory({ service: coreServices.rootLogger, deps: {}, factory: () => logger }),
    ],
    config: { app: { baseUrl: APP_URL }, ...options.config },
  });
  return { ...backend, authUrl: `${backend.url}/api/auth`, logs: logger.lines };
}

/** Runs `work` with NODE_ENV set to `value`, restoring it afterwards. */
export async function withNodeEnv<T>(
  value: string | undefined,
  work: () => Promise<T>,
): Promise<T> {
  const previous = process.env.NODE_ENV;
  if (value === undefined) delete process.env.NODE_ENV;
  else process.env.NODE_ENV = value;
  try {
    return await work();
  } finally {
    process.env.NODE_ENV = previous;
  }
}

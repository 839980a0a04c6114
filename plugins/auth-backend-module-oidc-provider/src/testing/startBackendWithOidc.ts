import { createServer } from 'node:net';
import { coreServices, createServiceFactory } from '@greenroom/backend-plugin-api';
import {
  createTestLogger,
  startTestBackend,
  type CapturedLogLine,
  type TestBackend,
} from '@greenroom/backend-test-utils';
import type { JsonObject } from '@greenroom/config';
import { authPlugin } from '@greenroom/plugin-auth-backend';
import { authModuleOidcProvider } from '../module';

export const APP_ORIGIN = 'http://localhost:3000';

/** A free port on 127.0.0.1: the backend's URL must be known before the identity provider starts. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise(resolve => server.close(resolve));
  return port;
}

export interface OidcTestBackend extends TestBackend {
  authUrl: string;
  logs: CapturedLogLine[];
}

/** The auth plugin with the OIDC module on `port`, `backend.baseUrl` matching, logs captured. */
export async function startBackendWithOidc(
  port: number,
  oidc: JsonObject,
  options: { nodeEnv?: string; database?: JsonObject } = {},
): Promise<OidcTestBackend> {
  const logger = createTestLogger();
  const previous = process.env.NODE_ENV;
  if (options.nodeEnv) process.env.NODE_ENV = options.nodeEnv;
  try {
    const backend = await startTestBackend({
      features: [
        authPlugin,
        authModuleOidcProvider,
        createServiceFactory({ service: coreServices.rootLogger, deps: {}, factory: () => logger }),
      ],
      config: {
        app: { baseUrl: APP_ORIGIN },
        backend: {
          baseUrl: `http://127.0.0.1:${port}`,
          listen: { host: '127.0.0.1', port },
          logger: { level: 'debug' },
          ...(options.database ? { database: options.database } : {}),
        },
        auth: { providers: { oidc } },
      },
    });
    return { ...backend, authUrl: `${backend.url}/api/auth`, logs: logger.lines };
  } finally {
    process.env.NODE_ENV = previous;
  }
}

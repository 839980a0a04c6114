import {
  coreServices,
  createServiceFactory,
  type RootHttpRouterService,
  type ServiceFactory,
} from '@greenroom/backend-plugin-api';
import {
  createSpecializedBackend,
  defaultServiceFactories,
  getBoundAddress,
  type Backend,
} from '@greenroom/backend-defaults';
import { ConfigReader, type JsonObject } from '@greenroom/config';
import type { FeatureInput } from './types';

export interface StartTestBackendOptions {
  /** Plugins, modules and service factories (a factory replaces the default for its service). */
  features?: FeatureInput[];
  /** Merged over the test defaults: port 0 on 127.0.0.1, SQLite in memory, quiet logs. */
  config?: JsonObject;
}

export interface TestBackend {
  /** `http://127.0.0.1:<port>`, the real bound address. */
  url: string;
  backend: Backend;
  stop(): Promise<void>;
}

function testDefaults(): JsonObject {
  return {
    backend: {
      baseUrl: 'http://127.0.0.1',
      listen: { host: '127.0.0.1', port: 0 },
      database: { client: 'better-sqlite3', connection: ':memory:' },
      logger: { level: process.env.LOG_LEVEL ?? 'warn' },
    },
  };
}

/**
 * A real backend with every default service, listening on a random loopback port. The config is
 * taken as given (no files are read); pass `features` for plugins under test.
 */
export async function startTestBackend(
  options: StartTestBackendOptions = {},
): Promise<TestBackend> {
  const config = ConfigReader.fromConfigs([
    { context: 'test-defaults', data: testDefaults() },
    { context: 'test-config', data: options.config ?? {} },
  ]);
  const backend = createSpecializedBackend({
    defaultServiceFactories: [
      ...defaultServiceFactories.filter(f => f.service.id !== coreServices.rootConfig.id),
      createServiceFactory({ service: coreServices.rootConfig, deps: {}, factory: () => config }),
    ] as ServiceFactory[],
    handleProcessSignals: false,
  });
  for (const feature of options.features ?? []) backend.add(feature);
  await backend.start();
  const router = await backend.getRootService<RootHttpRouterService>(coreServices.rootHttpRouter);
  const address = getBoundAddress(router);
  if (!address) throw new Error('The test backend did not report the address it listens on');
  return { url: `http://127.0.0.1:${address.port}`, backend, stop: () => backend.stop() };
}

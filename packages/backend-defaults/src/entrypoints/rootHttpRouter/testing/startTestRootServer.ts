import { afterEach } from 'vitest';
import type { CapturedLogLine } from '@greenroom/backend-test-utils';
import { createTestLogger } from '@greenroom/backend-test-utils';
import type { JsonObject } from '@greenroom/config';
import { ConfigReader } from '@greenroom/config';
import { createRootHealth } from '../../rootHealth';
import { createRootLifecycle } from '../../rootLifecycle';
import type { RootHttpServer, RootHttpServerOptions } from '../startRootHttpServer';
import { startRootHttpServer } from '../startRootHttpServer';

/** Test-only: a real root HTTP server on 127.0.0.1 and a random port, with real lifecycle and health. */
export async function startTestRootServer(
  data: JsonObject = {},
  options: Pick<RootHttpServerOptions, 'indexPath' | 'nodeEnv'> = {},
) {
  const lines: CapturedLogLine[] = [];
  const logger = createTestLogger(lines);
  const lifecycle = createRootLifecycle({ logger });
  const health = createRootHealth({ lifecycle });
  const config = ConfigReader.fromConfigs([
    { context: 'test-defaults', data: { backend: { listen: { host: '127.0.0.1', port: 0 } } } },
    { context: 'test', data },
  ]);
  const server: RootHttpServer = await startRootHttpServer({
    config,
    logger,
    lifecycle,
    health,
    nodeEnv: options.nodeEnv ?? 'test',
    indexPath: options.indexPath,
  });
  return {
    ...server,
    config,
    lifecycle,
    logger,
    lines,
    base: `http://127.0.0.1:${server.address.port}`,
  };
}

/** Test-only: a `start` that shuts down every server it started after each test. */
export function useTestRootServers() {
  const running: Array<{ lifecycle: { shutdown(): Promise<void> } }> = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map(server => server.lifecycle.shutdown()));
  });
  return async (...args: Parameters<typeof startTestRootServer>) => {
    const server = await startTestRootServer(...args);
    running.push(server);
    return server;
  };
}

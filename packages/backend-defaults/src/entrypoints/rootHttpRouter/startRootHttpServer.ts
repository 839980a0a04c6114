import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  LoggerService,
  RootHealthService,
  RootHttpRouterService,
  RootLifecycleService,
} from '@greenroom/backend-plugin-api';
import type { Config } from '@greenroom/config';
import type { Express } from 'express';
import { DefaultRootHttpRouter } from './DefaultRootHttpRouter';
import { createRootApp } from './createRootApp';
import { readHttpServerOptions, readServerShutdownOptions } from './config/readHttpServerOptions';
import { readListenOptions } from './config/readListenOptions';
import { createServerDrainer } from './http/createServerDrainer';
import { listen } from './http/listen';

/** The address the server is bound to: the configured host and the real port (even for 0). */
export interface BoundAddress {
  /** As configured; empty means every interface. */
  host: string;
  port: number;
}

export interface RootHttpServerOptions {
  config: Config;
  logger: LoggerService;
  lifecycle: RootLifecycleService;
  health: RootHealthService;
  /** Default `/api/app`; `false` disables the index router. */
  indexPath?: string | false;
  /** Default `process.env.NODE_ENV`. */
  nodeEnv?: string;
}

export interface RootHttpServer {
  router: RootHttpRouterService;
  app: Express;
  server: Server;
  address: BoundAddress;
  /** What people open: `backend.baseUrl`, else `http://localhost:<port>`. */
  url: string;
}

const boundAddresses = new WeakMap<RootHttpRouterService, BoundAddress>();

/** The bound address behind a root router made here, or undefined for any other router. */
export function getBoundAddress(router: RootHttpRouterService): BoundAddress | undefined {
  return boundAddresses.get(router);
}

/**
 * Builds the app and listens right away, so health answers while plugins start. Registers a
 * before-shutdown hook that drains the server (readiness is already off by then: root health
 * registered its hook first).
 */
export async function startRootHttpServer(options: RootHttpServerOptions): Promise<RootHttpServer> {
  const { config, logger, lifecycle, health } = options;
  if (config.has('backend.https')) {
    throw new Error(
      'backend.https is not supported; serve plain HTTP and terminate TLS in a proxy in front',
    );
  }
  const listenOptions = readListenOptions(config);
  const serverOptions = readHttpServerOptions(config);
  const shutdownOptions = readServerShutdownOptions(config);

  let started = false;
  lifecycle.addStartupHook(() => {
    started = true;
  });
  const router = new DefaultRootHttpRouter({
    indexPath: options.indexPath,
    isStarted: () => started,
  });
  const app = createRootApp({ config, logger, health, router, nodeEnv: options.nodeEnv });

  const server = createServer({
    headersTimeout: serverOptions.headersTimeout,
    requestTimeout: serverOptions.requestTimeout,
    keepAliveTimeout: serverOptions.keepAliveTimeout,
  });
  if (serverOptions.timeout !== undefined) server.timeout = serverOptions.timeout;
  if (serverOptions.maxHeadersCount !== undefined) {
    server.maxHeadersCount = serverOptions.maxHeadersCount;
  }
  if (serverOptions.maxRequestsPerSocket !== undefined) {
    server.maxRequestsPerSocket = serverOptions.maxRequestsPerSocket;
  }
  // The drainer must see each request before the app answers it.
  const drainer = createServerDrainer(server, logger);
  server.on('request', app);
  server.on('upgrade', (req, socket, head) => router.handleUpgrade(req, socket, head));

  await listen(server, listenOptions);
  lifecycle.addBeforeShutdownHook(() => drainer.drain(shutdownOptions));

  const address = { host: listenOptions.host, port: (server.address() as AddressInfo).port };
  const url =
    config.getOptionalString('backend.baseUrl')?.replace(/\/+$/, '') ??
    `http://localhost:${address.port}`;
  logger.info(`Greenroom backend listening on ${url}`);

  const service: RootHttpRouterService = {
    use: (path, handler) => router.use(path, handler),
    useUpgrade: (path, handler) => router.useUpgrade(path, handler),
  };
  boundAddresses.set(service, address);
  return { router: service, app, server, address, url };
}

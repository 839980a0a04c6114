import type { LoggerService, RootHealthService } from '@greenroom/backend-plugin-api';
import type { Config } from '@greenroom/config';
import compression from 'compression';
import cors from 'cors';
import type { Express } from 'express';
import express from 'express';
import helmet from 'helmet';
import { createErrorHandler } from '../../lib/errors';
import type { DefaultRootHttpRouter } from './DefaultRootHttpRouter';
import { readCorsOptions } from './config/readCorsOptions';
import { readHealthHeaders } from './config/readHealthHeaders';
import { readHelmetOptions } from './config/readHelmetOptions';
import { readTrustProxy } from './config/readTrustProxy';
import { createHealthRouter } from './http/createHealthRouter';
import { createRequestLogger } from './http/createRequestLogger';

export interface RootAppOptions {
  config: Config;
  logger: LoggerService;
  health: RootHealthService;
  router: DefaultRootHttpRouter;
  nodeEnv?: string;
}

/**
 * The one express app, in this order: trust proxy, security headers, CORS, request log, health,
 * the named routes with their 404s and the index, and the error handler last.
 */
export function createRootApp(options: RootAppOptions): Express {
  const { config, logger, health, router } = options;
  const nodeEnv = options.nodeEnv ?? process.env.NODE_ENV;
  const app = express();
  app.disable('x-powered-by');
  if (nodeEnv === 'development') app.set('json spaces', 2);

  const trustProxy = readTrustProxy(config);
  if (trustProxy !== undefined) app.set('trust proxy', trustProxy);
  app.use(helmet(readHelmetOptions(config)));
  const corsOptions = readCorsOptions(config);
  if (corsOptions) app.use(cors(corsOptions));
  // Text responses (JSON, the app's JS and CSS) go out gzipped when the client accepts it.
  app.use(compression());
  app.use(createRequestLogger(logger));
  app.use(createHealthRouter({ health, headers: readHealthHeaders(config) }));
  app.use(router.handlers());
  app.use(createErrorHandler({ logger, nodeEnv }));
  return app;
}

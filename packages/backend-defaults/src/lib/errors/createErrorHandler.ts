import type { LoggerService } from '@greenroom/backend-plugin-api';
import type { ErrorRequestHandler } from 'express';
import { toErrorResponse } from './errorResponse';

export interface ErrorHandlerOptions {
  logger: LoggerService;
  /**
   * The NODE_ENV to behave as: `development` adds stacks to bodies, `production` replaces the
   * message of untyped server errors. Defaults to `process.env.NODE_ENV`.
   */
  nodeEnv?: string;
}

/** The one place where thrown errors become Backstage's error JSON. Mount it last. */
export function createErrorHandler(options: ErrorHandlerOptions): ErrorRequestHandler {
  const { logger } = options;
  const nodeEnv = options.nodeEnv ?? process.env.NODE_ENV;
  const responseOptions = {
    showStack: nodeEnv === 'development',
    hideInternalErrors: nodeEnv === 'production',
  };

  return (error: unknown, req, res, _next) => {
    const request = { method: req.method, url: req.originalUrl };
    if (res.headersSent) {
      // Part of a response is already on the wire; a truncated connection is the only honest signal.
      logger.error(`${request.method} ${request.url} failed after the response started`, { error });
      res.destroy();
      return;
    }

    const { statusCode, body } = toErrorResponse(error, request, responseOptions);
    if (statusCode >= 500) {
      logger.error(`${request.method} ${request.url} failed with ${statusCode}`, { error });
    }
    if (statusCode === 304) {
      res.status(304).end();
      return;
    }
    res.status(statusCode).json(body);
  };
}

import type { ErrorResponseBody } from '@greenroom/errors';
import type { RequestHandler } from 'express';

export const NOT_BUILT_MESSAGE = 'App not built: run yarn build';

/**
 * Answers page requests with a 503 in the backend's error JSON while the app is not built.
 * Written here rather than thrown: the error handler logs every 5xx, and the startup warning
 * already said it once.
 */
export function createNotBuiltHandler(): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      next();
      return;
    }
    const body: ErrorResponseBody = {
      error: { name: 'ServiceUnavailableError', message: NOT_BUILT_MESSAGE },
      request: { method: req.method, url: req.originalUrl },
      response: { statusCode: 503 },
    };
    res.status(503).set('Cache-Control', 'no-store').json(body);
  };
}

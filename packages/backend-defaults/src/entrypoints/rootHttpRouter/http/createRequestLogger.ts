import type { LoggerService } from '@greenroom/backend-plugin-api';
import type { RequestHandler } from 'express';
import { HEALTH_PATH } from './createHealthRouter';
import { maskQuery } from './maskQuery';

/**
 * One line per request once it ends: method, url, status and duration. Health checks poll every
 * few seconds, so they go to debug.
 */
export function createRequestLogger(logger: LoggerService): RequestHandler {
  return (req, res, next) => {
    const start = performance.now();
    let logged = false;
    const log = () => {
      if (logged) return;
      logged = true;
      const url = maskQuery(req.originalUrl);
      const status = res.statusCode;
      const durationMs = Math.round(performance.now() - start);
      const aborted = !res.writableFinished;
      const message = `${req.method} ${url} ${aborted ? 'aborted' : status} ${durationMs}ms`;
      const meta = { type: 'incomingRequest', method: req.method, url, status, durationMs };
      const fields = aborted ? { ...meta, aborted } : meta;
      if (url.startsWith(`${HEALTH_PATH}/`)) logger.debug(message, fields);
      else logger.info(message, fields);
    };
    res.once('finish', log);
    res.once('close', log);
    next();
  };
}

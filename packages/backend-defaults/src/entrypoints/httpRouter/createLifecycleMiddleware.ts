import type { LifecycleService } from '@greenroom/backend-plugin-api';
import { ServiceUnavailableError } from '@greenroom/errors';
import type { RequestHandler } from 'express';

export const DEFAULT_STARTUP_REQUEST_PAUSE_TIMEOUT_MS = 5000;

/**
 * Holds requests that arrive before the plugin has started and releases them when it has;
 * after `startupRequestPauseTimeoutMs` they fail with 503. Once the plugin's shutdown began,
 * requests fail with 503 straight away.
 */
export function createLifecycleMiddleware(options: {
  lifecycle: LifecycleService;
  startupRequestPauseTimeoutMs?: number;
}): RequestHandler {
  const timeoutMs =
    options.startupRequestPauseTimeoutMs ?? DEFAULT_STARTUP_REQUEST_PAUSE_TIMEOUT_MS;
  let state: 'starting' | 'started' | 'stopping' = 'starting';
  const waiting = new Set<(error?: Error) => void>();

  const settleWaiting = (error?: Error) => {
    for (const release of waiting) release(error);
    waiting.clear();
  };
  options.lifecycle.addStartupHook(() => {
    if (state === 'starting') state = 'started';
    settleWaiting();
  });
  options.lifecycle.addShutdownHook(() => {
    state = 'stopping';
    settleWaiting(new ServiceUnavailableError('Service is shutting down'));
  });

  return (_req, _res, next) => {
    if (state === 'started') {
      next();
      return;
    }
    if (state === 'stopping') {
      next(new ServiceUnavailableError('Service is shutting down'));
      return;
    }
    const release = (error?: Error) => {
      clearTimeout(timer);
      waiting.delete(release);
      next(error);
    };
    const timer = setTimeout(
      () => release(new ServiceUnavailableError('Service has not started up yet')),
      timeoutMs,
    );
    waiting.add(release);
  };
}

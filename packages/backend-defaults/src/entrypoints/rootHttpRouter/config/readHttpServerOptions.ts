import type { Config } from '@greenroom/config';
import { readDurationMs } from '@greenroom/config';

/** Node HTTP server settings from `backend.server`; unset keys keep Node's defaults. */
export interface HttpServerOptions {
  headersTimeout?: number;
  requestTimeout?: number;
  keepAliveTimeout?: number;
  timeout?: number;
  maxHeadersCount?: number;
  maxRequestsPerSocket?: number;
}

const DURATION_KEYS = ['headersTimeout', 'requestTimeout', 'keepAliveTimeout', 'timeout'] as const;
const COUNT_KEYS = ['maxHeadersCount', 'maxRequestsPerSocket'] as const;

export function readHttpServerOptions(config: Config): HttpServerOptions {
  const options: HttpServerOptions = {};
  for (const key of DURATION_KEYS) {
    const value = readDurationMs(config, `backend.server.${key}`);
    if (value !== undefined) options[key] = value;
  }
  for (const key of COUNT_KEYS) {
    const value = config.getOptionalNumber(`backend.server.${key}`);
    if (value === undefined) continue;
    if (!Number.isInteger(value) || value < 0) {
      throw new Error(`backend.server.${key} must be a non-negative integer, got ${value}`);
    }
    options[key] = value;
  }
  return options;
}

/** How the server stops: `backend.lifecycle.serverShutdownDelay` and `serverShutdownTimeout`. */
export interface ServerShutdownOptions {
  /** Time between readiness turning off and the server closing, for load balancers to notice. */
  delayMs: number;
  /** How long in-flight requests may take before their connections are cut. */
  timeoutMs: number;
}

export const DEFAULT_SERVER_SHUTDOWN_TIMEOUT_MS = 10_000;

export function readServerShutdownOptions(config: Config): ServerShutdownOptions {
  return {
    delayMs: readDurationMs(config, 'backend.lifecycle.serverShutdownDelay') ?? 0,
    timeoutMs:
      readDurationMs(config, 'backend.lifecycle.serverShutdownTimeout') ??
      DEFAULT_SERVER_SHUTDOWN_TIMEOUT_MS,
  };
}

/** Structured fields attached to a log line. Errors go under `error`. */
export type LogMeta = Record<string, unknown> | Error;

/** Logging for a plugin or the root. `child` adds fields to every line it writes. */
export interface LoggerService {
  error(message: string, meta?: LogMeta): void;
  warn(message: string, meta?: LogMeta): void;
  info(message: string, meta?: LogMeta): void;
  debug(message: string, meta?: LogMeta): void;
  child(meta: Record<string, unknown>): LoggerService;
}

export type RootLoggerService = LoggerService;

import type { LogMeta, LoggerService } from '@greenroom/backend-plugin-api';
import type { Logger } from 'pino';
import { serializeMeta } from './serializeMeta';

type Level = 'error' | 'warn' | 'info' | 'debug';

/** LoggerService on top of a pino logger: message first, fields second, as our contract says. */
export class PinoLoggerService implements LoggerService {
  readonly #pino: Logger;

  constructor(pino: Logger) {
    this.#pino = pino;
  }

  error(message: string, meta?: LogMeta): void {
    this.#write('error', message, meta);
  }

  warn(message: string, meta?: LogMeta): void {
    this.#write('warn', message, meta);
  }

  info(message: string, meta?: LogMeta): void {
    this.#write('info', message, meta);
  }

  debug(message: string, meta?: LogMeta): void {
    this.#write('debug', message, meta);
  }

  child(meta: Record<string, unknown>): LoggerService {
    return new PinoLoggerService(this.#pino.child(serializeMeta(meta)));
  }

  #write(level: Level, message: string, meta: LogMeta | undefined): void {
    if (!this.#pino.isLevelEnabled(level)) return;
    if (meta === undefined) this.#pino[level](message);
    else this.#pino[level](serializeMeta(meta), message);
  }
}

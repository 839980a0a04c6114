import { inspect } from 'node:util';
import type { LoggerService } from '@greenroom/backend-plugin-api';
import type { Knex } from 'knex';

/** Sends knex's own messages (pool errors, deprecations) to our logger instead of stdout. */
export function knexLog(logger: LoggerService | undefined): Knex.Logger | undefined {
  if (!logger) return undefined;
  const text = (message: unknown) =>
    typeof message === 'string' ? message : inspect(message, { depth: 5 });
  return {
    debug: message => logger.debug(text(message)),
    warn: message => logger.warn(text(message)),
    error: message => logger.error(text(message)),
    // knex hands the user function one composed message, despite the declared two parameters.
    deprecate: message => logger.warn(text(message)),
  };
}

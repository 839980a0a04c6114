import type { Config } from '@greenroom/config';
import type { LogLevel, RootLoggerOptions } from './createRootLogger';
import { LOG_LEVELS } from './createRootLogger';

function parseLevel(value: string, source: string): LogLevel {
  const level = value.trim().toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    throw new Error(
      `Invalid log level '${value}' in ${source}; use one of ${LOG_LEVELS.join(', ')}`,
    );
  }
  return level as LogLevel;
}

/**
 * Logger settings from `backend.logger` and the environment: `LOG_LEVEL` beats
 * `backend.logger.level`, and `NODE_ENV=production` selects JSON lines.
 */
export function readRootLoggerOptions(
  config: Config,
  env: Record<string, string | undefined> = process.env,
): RootLoggerOptions {
  const configLevel = config.getOptionalString('backend.logger.level');
  const level = env.LOG_LEVEL
    ? parseLevel(env.LOG_LEVEL, 'LOG_LEVEL')
    : configLevel !== undefined
      ? parseLevel(configLevel, 'backend.logger.level')
      : 'info';

  const meta = config.getOptional('backend.logger.meta');
  if (meta !== undefined && (typeof meta !== 'object' || meta === null || Array.isArray(meta))) {
    throw new Error('backend.logger.meta must be an object of fields to add to every log line');
  }

  return {
    level,
    meta: meta as Record<string, unknown> | undefined,
    format: env.NODE_ENV === 'production' ? 'json' : 'pretty',
  };
}

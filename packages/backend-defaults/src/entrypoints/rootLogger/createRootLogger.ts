import type { RootLoggerService } from '@greenroom/backend-plugin-api';
import { pino } from 'pino';
import { prettyFactory } from 'pino-pretty';
import { PinoLoggerService } from './PinoLoggerService';
import { Redactor } from './Redactor';

export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Where finished log lines go; anything with a string `write` (a stream, a test buffer). */
export interface LogDestination {
  write(line: string): unknown;
}

export interface RootLoggerOptions {
  /** Default `info`. */
  level?: LogLevel;
  /** `json`: one JSON object per line (production). `pretty`: human-readable lines. */
  format?: 'json' | 'pretty';
  /** Fields added to every line. */
  meta?: Record<string, unknown>;
  /** Secret values replaced by `[REDACTED]` wherever they appear in a line. */
  redactions?: Iterable<string>;
  /** Default: standard output. */
  destination?: LogDestination;
  /** Colors in pretty output. Default: auto-detected for standard output, off for a destination. */
  colorize?: boolean;
}

/** The root logger, plus the one thing only the root can do: learn more secrets to hide. */
export interface RootLogger extends RootLoggerService {
  addRedactions(values: Iterable<string>): void;
}

function prettyOutput(destination: LogDestination, colorize: boolean | undefined): LogDestination {
  const prettify = prettyFactory({
    colorize,
    messageKey: 'message',
    timestampKey: 'timestamp',
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'plugin',
    messageFormat: '{if plugin}{plugin}: {end}{message}',
    singleLine: true,
  });
  return { write: line => destination.write(prettify(line)) };
}

/**
 * A pino root logger. Pretty output is formatted in-process and synchronously (no worker thread,
 * so nothing is lost on exit and startup stays fast). Redaction runs on the serialized line, so
 * it covers the message, fields, child fields and error stacks alike.
 */
export function createRootLogger(options: RootLoggerOptions = {}): RootLogger {
  const level = options.level ?? 'info';
  if (!LOG_LEVELS.includes(level)) {
    throw new Error(`Invalid log level '${level}'; use one of ${LOG_LEVELS.join(', ')}`);
  }
  const redactor = new Redactor();
  if (options.redactions) redactor.add(options.redactions);

  const target = options.destination ?? pino.destination({ dest: 1, sync: true });
  const colorize = options.colorize ?? (options.destination ? false : undefined);
  const output = options.format === 'json' ? target : prettyOutput(target, colorize);

  const logger = pino(
    {
      level,
      base: options.meta ?? undefined,
      messageKey: 'message',
      timestamp: () => `,"timestamp":"${new Date().toISOString()}"`,
      formatters: { level: label => ({ level: label }) },
    },
    { write: (line: string) => output.write(redactor.redact(line)) },
  );

  const service = new PinoLoggerService(logger);
  return Object.assign(service, {
    addRedactions: (values: Iterable<string>) => redactor.add(values),
  });
}

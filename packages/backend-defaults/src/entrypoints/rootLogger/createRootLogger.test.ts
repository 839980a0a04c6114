import { ConfigReader } from '@greenroom/config';
import { describe, expect, it } from 'vitest';
import { loggerServiceFactory } from '../logger';
import { createRootLogger } from './createRootLogger';
import type { RootLoggerOptions } from './createRootLogger';
import { readRootLoggerOptions } from './readRootLoggerOptions';
import { rootLoggerServiceFactory } from './rootLoggerServiceFactory';

function capture(options: RootLoggerOptions = {}) {
  const lines: string[] = [];
  const logger = createRootLogger({
    format: 'json',
    ...options,
    destination: { write: line => lines.push(line) },
  });
  const json = () => lines.map(line => JSON.parse(line) as Record<string, unknown>);
  return { logger, lines, json };
}

describe('createRootLogger', () => {
  it('writes one JSON object per line with level, timestamp, message and fields', () => {
    const { logger, lines, json } = capture({ meta: { service: 'greenroom' } });
    logger.info('hello %s', { count: 3 });
    expect(lines).toHaveLength(1);
    expect(lines[0].endsWith('\n')).toBe(true);
    expect(json()[0]).toEqual({
      level: 'info',
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      message: 'hello %s',
      count: 3,
      service: 'greenroom',
    });
  });

  it('filters by level', () => {
    const { logger, json } = capture({ level: 'warn' });
    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    logger.error('e');
    expect(json().map(l => [l.level, l.message])).toEqual([
      ['warn', 'w'],
      ['error', 'e'],
    ]);
  });

  it('rejects an unknown level', () => {
    expect(() => createRootLogger({ level: 'verbose' as never })).toThrow(
      "Invalid log level 'verbose'",
    );
  });

  it('adds the fields of a child to each of its lines, not to the parent', () => {
    const { logger, json } = capture();
    const child = logger.child({ plugin: 'catalog' });
    child.child({ task: 'refresh' }).info('from grandchild');
    logger.info('from root');
    expect(json()[0]).toMatchObject({ plugin: 'catalog', task: 'refresh' });
    expect(json()[1]).not.toHaveProperty('plugin');
  });

  it('serializes errors given as meta or nested in meta', () => {
    const { logger, json } = capture();
    const cause = Object.assign(new Error('socket hang up'), {
      code: 'ECONNRESET',
      headers: { authorization: 'Bearer x' },
    });
    logger.error('failed', new TypeError('boom', { cause }));
    logger.warn('nested', { attempt: 2, details: { errors: [new RangeError('too far')] } });

    const [first, second] = json();
    expect(first.error).toMatchObject({
      name: 'TypeError',
      message: 'boom',
      stack: expect.stringContaining('TypeError: boom'),
      cause: { name: 'Error', message: 'socket hang up', code: 'ECONNRESET' },
    });
    expect(JSON.stringify(first)).not.toContain('authorization');
    expect(second).toMatchObject({
      attempt: 2,
      details: { errors: [{ name: 'RangeError', message: 'too far' }] },
    });
  });

  it('survives circular meta', () => {
    const { logger, json } = capture();
    const loop: Record<string, unknown> = { name: 'loop' };
    loop.self = loop;
    logger.info('circular', { loop });
    expect(json()[0].loop).toEqual({ name: 'loop', self: '[Circular]' });
  });

  it('redacts secrets in the message, nested meta, child fields and stacks', () => {
    const secret = 'hunter2-very-secret';
    const multiline = 'line one\n"quoted" line two';
    const { logger, lines, json } = capture({ redactions: [secret] });
    logger.addRedactions([multiline, '']);

    logger.info(`token is ${secret}`, { deep: { list: [`a${secret}b`], other: multiline } });
    logger.child({ header: `Bearer ${secret}` }).warn('child line');
    logger.error('failed', new Error(`could not use ${secret}`));

    const all = lines.join('');
    expect(all).not.toContain(secret);
    expect(all).not.toContain('hunter2');
    expect(all).not.toContain('quoted');
    const [first, second, third] = json();
    expect(first.message).toBe('token is [REDACTED]');
    expect(first.deep).toEqual({ list: ['a[REDACTED]b'], other: '[REDACTED]' });
    expect(second.header).toBe('Bearer [REDACTED]');
    expect((third.error as { message: string }).message).toBe('could not use [REDACTED]');
  });

  it('applies redactions added after a child was created to that child', () => {
    const { logger, lines } = capture();
    const child = logger.child({ plugin: 'auth' });
    logger.addRedactions(['late-secret']);
    child.info('late-secret leaked?');
    expect(lines[0]).not.toContain('late-secret');
  });

  it('writes human-readable lines in pretty format, redacted too', () => {
    const lines: string[] = [];
    const logger = createRootLogger({
      format: 'pretty',
      redactions: ['s3cr3t'],
      destination: { write: line => lines.push(line) },
    });
    logger.child({ plugin: 'catalog' }).info('refreshed s3cr3t', { count: 2 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/INFO.*catalog: refreshed \[REDACTED\]/);
    expect(lines[0]).toContain('"count":2');
    expect(() => JSON.parse(lines[0])).toThrow();
  });
});

describe('readRootLoggerOptions', () => {
  const config = new ConfigReader({
    backend: { logger: { level: 'debug', meta: { env: 'staging' } } },
  });

  it('reads level and meta from config; JSON in production, pretty otherwise', () => {
    expect(readRootLoggerOptions(config, { NODE_ENV: 'production' })).toEqual({
      level: 'debug',
      meta: { env: 'staging' },
      format: 'json',
    });
    expect(readRootLoggerOptions(config, {}).format).toBe('pretty');
    expect(readRootLoggerOptions(new ConfigReader({}), {}).level).toBe('info');
  });

  it('lets LOG_LEVEL win over backend.logger.level', () => {
    expect(readRootLoggerOptions(config, { LOG_LEVEL: 'WARN' }).level).toBe('warn');
  });

  it('names the source of an invalid level and rejects a non-object meta', () => {
    expect(() => readRootLoggerOptions(config, { LOG_LEVEL: 'loud' })).toThrow(
      "Invalid log level 'loud' in LOG_LEVEL",
    );
    const badLevel = new ConfigReader({ backend: { logger: { level: 'chatty' } } });
    expect(() => readRootLoggerOptions(badLevel, {})).toThrow('in backend.logger.level');
    const badMeta = new ConfigReader({ backend: { logger: { meta: ['x'] } } });
    expect(() => readRootLoggerOptions(badMeta, {})).toThrow(
      'backend.logger.meta must be an object',
    );
  });
});

describe('logger service factories', () => {
  it('gives each plugin a child of the root logger with its plugin id', async () => {
    const lines: string[] = [];
    const root = createRootLogger({ format: 'json', destination: { write: l => lines.push(l) } });
    const pluginLogger = await loggerServiceFactory.factory(
      { rootLogger: root, pluginMetadata: { getId: () => 'scaffolder' } },
      { pluginId: 'scaffolder', rootContext: undefined },
    );
    pluginLogger.info('task done');
    expect(JSON.parse(lines[0])).toMatchObject({ plugin: 'scaffolder', message: 'task done' });
  });

  it('builds the root logger from config and can learn redactions', async () => {
    const root = await rootLoggerServiceFactory.factory(
      { config: new ConfigReader({ backend: { logger: { level: 'error' } } }) },
      { pluginId: 'root', rootContext: undefined },
    );
    expect(typeof (root as { addRedactions?: unknown }).addRedactions).toBe('function');
  });
});

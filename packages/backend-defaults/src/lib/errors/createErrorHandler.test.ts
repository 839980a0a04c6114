import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createTestLogger } from '@greenroom/backend-test-utils';
import {
  AuthenticationError,
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  NotModifiedError,
  ServiceUnavailableError,
} from '@greenroom/errors';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { createErrorHandler } from './createErrorHandler';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map(s => new Promise(r => s.close(r))));
});

/** Serves `GET /throw` that throws `error`, behind the error handler, on a random port. */
async function serveThrowing(error: unknown, nodeEnv: string, asyncThrow = false) {
  const logger = createTestLogger();
  const app = express();
  app.get('/throw', async () => {
    if (asyncThrow) await new Promise(r => setTimeout(r, 1));
    throw error;
  });
  app.get('/partial', (_req, res, next) => {
    res.write('partial body');
    next(new Error('late failure'));
  });
  app.use(createErrorHandler({ logger, nodeEnv }));
  const server = await new Promise<Server>(resolve => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  servers.push(server);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, logger };
}

describe('createErrorHandler', () => {
  it.each([
    [new InputError('bad filter'), 400],
    [new AuthenticationError('Missing credentials'), 401],
    [new NotAllowedError('nope'), 403],
    [new NotFoundError('no such entity'), 404],
    [new ConflictError('already exists'), 409],
    [new ServiceUnavailableError('not yet'), 503],
  ])('renders %s with status %i in the Backstage shape', async (error, status) => {
    const { base, logger } = await serveThrowing(error, 'production');
    const res = await fetch(`${base}/throw?x=1`);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toEqual({
      error: { name: error.name, message: error.message },
      request: { method: 'GET', url: '/throw?x=1' },
      response: { statusCode: status },
    });
    // Client errors are the caller's problem, not the server's: they are not logged.
    expect(logger.lines.filter(l => l.level === 'error')).toHaveLength(status >= 500 ? 1 : 0);
  });

  it('answers NotModifiedError with a bare 304', async () => {
    const { base } = await serveThrowing(new NotModifiedError('same'), 'production');
    const res = await fetch(`${base}/throw`);
    expect(res.status).toBe(304);
    expect(await res.text()).toBe('');
  });

  it('reaches the handler from async handlers too', async () => {
    const { base } = await serveThrowing(new InputError('async bad'), 'production', true);
    const res = await fetch(`${base}/throw`);
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toBe('async bad');
  });

  it('hides the message of an untyped 500 in production and logs the detail', async () => {
    const { base, logger } = await serveThrowing(
      new Error('connect ECONNREFUSED 10.1.2.3:5432'),
      'production',
    );
    const res = await fetch(`${base}/throw`);
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain('ECONNREFUSED');
    expect(JSON.parse(text).error).toEqual({ name: 'Error', message: 'Internal Server Error' });
    const logged = logger.lines.find(l => l.level === 'error');
    expect((logged?.meta.error as Error).message).toBe('connect ECONNREFUSED 10.1.2.3:5432');
  });

  it('shows the message and the stack of a 500 in development', async () => {
    const { base } = await serveThrowing(new TypeError('x is undefined'), 'development');
    const body = await (await fetch(`${base}/throw`)).json();
    expect(body.error.name).toBe('TypeError');
    expect(body.error.message).toBe('x is undefined');
    expect(body.error.stack).toContain('TypeError: x is undefined');
  });

  it('shows typed server errors in production, without a stack', async () => {
    const { base } = await serveThrowing(new ServiceUnavailableError('db down'), 'production');
    const body = await (await fetch(`${base}/throw`)).json();
    expect(body.error).toEqual({ name: 'ServiceUnavailableError', message: 'db down' });
  });

  it('never sends a stack outside development', async () => {
    const { base } = await serveThrowing(new InputError('bad'), 'test');
    const body = await (await fetch(`${base}/throw`)).json();
    expect(body.error).not.toHaveProperty('stack');
  });

  it('takes the status from an integer statusCode or status field in range', async () => {
    const tooLarge = Object.assign(new Error('request entity too large'), { status: 413 });
    const { base } = await serveThrowing(tooLarge, 'production');
    const res = await fetch(`${base}/throw`);
    expect(res.status).toBe(413);
    expect((await res.json()).error.message).toBe('request entity too large');

    const outOfRange = Object.assign(new InputError('odd'), { statusCode: 42 });
    const second = await serveThrowing(outOfRange, 'production');
    expect((await fetch(`${second.base}/throw`)).status).toBe(400);

    const notInteger = Object.assign(new Error('odd'), { statusCode: '404' });
    const third = await serveThrowing(notInteger, 'production');
    expect((await fetch(`${third.base}/throw`)).status).toBe(500);
  });

  it('does not map names inherited from Object.prototype', async () => {
    const error = new Error('weird');
    error.name = 'toString';
    const { base } = await serveThrowing(error, 'development');
    expect((await fetch(`${base}/throw`)).status).toBe(500);
  });

  it('renders thrown non-errors as 500', async () => {
    const { base } = await serveThrowing('just a string', 'production');
    const res = await fetch(`${base}/throw`);
    expect(res.status).toBe(500);
    expect((await res.json()).error.message).toBe('Internal Server Error');
  });

  it('closes the connection when the response had already started', async () => {
    const { base, logger } = await serveThrowing(new Error('unused'), 'production');
    // Either the headers or the body never complete: the client must not see a finished response.
    await expect(fetch(`${base}/partial`).then(res => res.text())).rejects.toThrow();
    expect(logger.lines.some(l => l.level === 'error' && l.message.includes('/partial'))).toBe(
      true,
    );
  });
});

import { ConfigReader } from '@greenroom/config';
import { describe, expect, it } from 'vitest';
import { readHttpServerOptions, readServerShutdownOptions } from './readHttpServerOptions';

describe('readHttpServerOptions', () => {
  it('reads backend.server timeouts and counts, leaving unset keys out', () => {
    const config = new ConfigReader({
      backend: {
        server: { headersTimeout: 30_000, keepAliveTimeout: '65s', maxHeadersCount: 100 },
      },
    });
    expect(readHttpServerOptions(config)).toEqual({
      headersTimeout: 30_000,
      keepAliveTimeout: 65_000,
      maxHeadersCount: 100,
    });
    expect(readHttpServerOptions(new ConfigReader({}))).toEqual({});
  });

  it('refuses negative or fractional counts', () => {
    const config = new ConfigReader({ backend: { server: { maxRequestsPerSocket: -1 } } });
    expect(() => readHttpServerOptions(config)).toThrow(
      'backend.server.maxRequestsPerSocket must be a non-negative integer',
    );
  });
});

describe('readServerShutdownOptions', () => {
  it('defaults to no delay and a 10 s timeout', () => {
    expect(readServerShutdownOptions(new ConfigReader({}))).toEqual({
      delayMs: 0,
      timeoutMs: 10_000,
    });
  });

  it('reads backend.lifecycle.serverShutdownDelay and serverShutdownTimeout', () => {
    const config = new ConfigReader({
      backend: { lifecycle: { serverShutdownDelay: '5s', serverShutdownTimeout: { seconds: 30 } } },
    });
    expect(readServerShutdownOptions(config)).toEqual({ delayMs: 5000, timeoutMs: 30_000 });
  });
});

import type { TestBackend } from '@greenroom/backend-test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH, startProxyBackend } from './testing/startProxyBackend';
import type { Upstream } from './testing/upstream';
import { closedPortUrl, startUpstream } from './testing/upstream';

let slow: Upstream;
let stalling: Upstream;
let backend: TestBackend;

beforeAll(async () => {
  // Answers only when the test says so, i.e. never within the proxy's timeout.
  slow = await startUpstream(() => {});
  // Sends headers and a first chunk, then goes silent.
  stalling = await startUpstream((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.write('first chunk');
  });
  backend = await startProxyBackend({
    endpoints: {
      '/down': await closedPortUrl(),
      '/slow': { target: slow.url, timeout: 200 },
      '/stalling': { target: stalling.url, timeout: 200 },
    },
  });
});

afterAll(async () => {
  await backend?.stop();
  await slow?.close();
  await stalling?.close();
});

describe('upstream failures', () => {
  it('answers 502 JSON when the upstream is down', async () => {
    const res = await fetch(`${backend.url}/api/proxy/down/x?y=1`, { headers: AUTH });
    expect(res.status).toBe(502);
    expect(await res.json()).toEqual({
      error: { name: 'BadGatewayError', message: 'Upstream is unreachable' },
      request: { method: 'GET', url: '/api/proxy/down/x?y=1' },
      response: { statusCode: 502 },
    });
  });

  it('answers 502 for a request with a body too', async () => {
    const res = await fetch(`${backend.url}/api/proxy/down/upload`, {
      method: 'PUT',
      headers: AUTH,
      body: 'x'.repeat(100_000),
    });
    expect(res.status).toBe(502);
  });

  it('answers 504 JSON when the upstream does not answer within the timeout', async () => {
    const res = await fetch(`${backend.url}/api/proxy/slow/wait`, { headers: AUTH });
    expect(res.status).toBe(504);
    expect(await res.json()).toEqual({
      error: { name: 'GatewayTimeoutError', message: 'Upstream did not respond within 200 ms' },
      request: { method: 'GET', url: '/api/proxy/slow/wait' },
      response: { statusCode: 504 },
    });
    expect(slow.seen.map(r => r.url)).toContain('/wait');
  });

  it('cuts the response when the upstream stalls after it started', async () => {
    const res = await fetch(`${backend.url}/api/proxy/stalling/s`, { headers: AUTH });
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
  });

  it('keeps serving after failures', async () => {
    const res = await fetch(`${backend.url}/api/proxy/slow/again`, { headers: AUTH });
    expect(res.status).toBe(504);
  });
});

import type { UrlReaderService } from '@greenroom/backend-plugin-api';
import { createTestLogger } from '@greenroom/backend-test-utils';
import { ConfigReader } from '@greenroom/config';
import { NotAllowedError } from '@greenroom/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UrlReaders } from '../UrlReaders';
import { startTestServer, type TestServer } from './testServer';

const MAX_BYTES = 1024;
let server: TestServer;
let other: TestServer;

beforeAll(async () => {
  other = await startTestServer({
    '/landing.yaml': (req, res) =>
      void res.writeHead(200).end(`auth:${req.headers.authorization ?? 'none'}`),
  });
  server = await startTestServer({
    '/target.yaml': (req, res) =>
      void res.writeHead(200, { etag: '"t"' }).end(`auth:${req.headers.authorization ?? 'none'}`),
    '/redirect-absolute': (_req, res) =>
      void res.writeHead(302, { location: `${server.origin}/target.yaml` }).end(),
    '/dir/redirect-relative': (_req, res) =>
      void res.writeHead(301, { location: '../target.yaml' }).end(),
    '/redirect-chain': (_req, res) =>
      void res.writeHead(307, { location: '/redirect-absolute' }).end(),
    '/redirect-away': (_req, res) =>
      void res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data' }).end(),
    '/redirect-private': (_req, res) => void res.writeHead(302, { location: '/private/x' }).end(),
    '/redirect-file': (_req, res) =>
      void res.writeHead(302, { location: 'file:///etc/passwd' }).end(),
    '/redirect-other': (_req, res) =>
      void res.writeHead(308, { location: `${other.origin}/landing.yaml` }).end(),
    '/redirect-loop': (_req, res) => void res.writeHead(302, { location: '/redirect-loop' }).end(),
    '/redirect-nowhere': (_req, res) => void res.writeHead(302).end(),
    '/slow-headers': (_req, res) => void setTimeout(() => res.writeHead(200).end('late'), 2_000),
    '/slow-body': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('start...');
    },
    '/exact': (_req, res) => void res.writeHead(200).end(Buffer.alloc(MAX_BYTES, 'a')),
    '/declared-big': (_req, res) =>
      void res
        .writeHead(200, { 'content-length': String(MAX_BYTES * 4) })
        .end(Buffer.alloc(MAX_BYTES * 4)),
    '/chunked-big': (_req, res) => {
      res.writeHead(200);
      for (let i = 0; i < 8; i++) res.write(Buffer.alloc(MAX_BYTES / 2, 'b'));
      res.end();
    },
  });
});
afterAll(async () => {
  await server.close();
  await other.close();
});

// Only the timeout tests use a short timeout, so a busy machine cannot fail the others.
function reader(
  hosts: Array<string | { host: string; paths: string[] }>,
  timeoutMs = 10_000,
): UrlReaderService {
  const allow = hosts.map(host => (typeof host === 'string' ? { host } : host));
  const config = new ConfigReader({ backend: { reading: { allow } } });
  return UrlReaders.fromConfig(config, {
    logger: createTestLogger(),
    maxBytes: MAX_BYTES,
    timeoutMs,
  });
}

describe('HttpUrlReader redirects', () => {
  it('follows allowed redirects, absolute and relative, and reports the final etag', async () => {
    const read = reader([server.host]);
    for (const path of ['/redirect-absolute', '/dir/redirect-relative', '/redirect-chain']) {
      const response = await read.readUrl(`${server.origin}${path}`);
      expect((await response.buffer()).toString()).toBe('auth:none');
      expect(response.etag).toBe('"t"');
    }
  });

  it('refuses a redirect to a host that is not allowed, without contacting it', async () => {
    const read = reader([server.host]);
    const result = read.readUrl(`${server.origin}/redirect-away`);
    await expect(result).rejects.toThrow(NotAllowedError);
    await expect(result).rejects.toThrow(
      `Reading from 'http://169.254.169.254/latest/meta-data' (redirected from '${server.origin}/redirect-away') is not allowed`,
    );
    const toOther = reader([server.host]).readUrl(`${server.origin}/redirect-other`);
    await expect(toOther).rejects.toThrow(NotAllowedError);
    expect(other.requests).toHaveLength(0);
  });

  it('checks path prefixes on every hop', async () => {
    const read = reader([{ host: server.host, paths: ['/redirect-private'] }]);
    await expect(read.readUrl(`${server.origin}/redirect-private`)).rejects.toThrow(
      /\/private\/x'.*is not allowed/,
    );
  });

  it('refuses redirects to file URLs', async () => {
    await expect(reader([server.host]).readUrl(`${server.origin}/redirect-file`)).rejects.toThrow(
      NotAllowedError,
    );
  });

  it('does not forward URL credentials to another origin', async () => {
    const read = reader([server.host, other.host]);
    const sameOrigin = await read.readUrl(`http://u:pw@${server.host}/redirect-absolute`);
    expect((await sameOrigin.buffer()).toString()).toMatch(/^auth:Basic /);
    const elsewhere = await read.readUrl(`http://u:pw@${server.host}/redirect-other`);
    expect((await elsewhere.buffer()).toString()).toBe('auth:none');
  });

  it('stops redirect loops and redirects without a location', async () => {
    const read = reader([server.host]);
    await expect(read.readUrl(`${server.origin}/redirect-loop`)).rejects.toThrow(
      /more than 5 redirects/,
    );
    await expect(read.readUrl(`${server.origin}/redirect-nowhere`)).rejects.toThrow(
      /redirect without a location/,
    );
  });
});

describe('HttpUrlReader limits', () => {
  it('times out when the server is slow to answer or to finish', async () => {
    const read = reader([server.host], 100);
    await expect(read.readUrl(`${server.origin}/slow-headers`)).rejects.toThrow(
      `Timed out after 100 ms reading '${server.origin}/slow-headers'`,
    );
    await expect(read.readUrl(`${server.origin}/slow-body`)).rejects.toThrow(
      /Timed out after 100 ms/,
    );
  });

  it("passes the caller's abort through as an abort", async () => {
    const controller = new AbortController();
    const pending = reader([server.host]).readUrl(`${server.origin}/slow-headers`, {
      signal: controller.signal,
    });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('accepts a body of exactly the limit', async () => {
    const response = await reader([server.host]).readUrl(`${server.origin}/exact`);
    expect((await response.buffer()).length).toBe(MAX_BYTES);
  });

  it('refuses bodies over the limit, declared or streamed', async () => {
    const read = reader([server.host]);
    await expect(read.readUrl(`${server.origin}/declared-big`)).rejects.toThrow(
      `Response from '${server.origin}/declared-big' is 4 KiB, more than the 1 KiB read limit`,
    );
    await expect(read.readUrl(`${server.origin}/chunked-big`)).rejects.toThrow(
      /more than the 1 KiB read limit/,
    );
  });
});

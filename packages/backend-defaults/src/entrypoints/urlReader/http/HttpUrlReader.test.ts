import type { UrlReaderService } from '@greenroom/backend-plugin-api';
import { createTestLogger } from '@greenroom/backend-test-utils';
import { ConfigReader } from '@greenroom/config';
import type { JsonValue } from '@greenroom/config';
import { InputError, NotAllowedError, NotFoundError, NotModifiedError } from '@greenroom/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UrlReaders } from '../UrlReaders';
import { startTestServer, type TestServer } from './testServer';

const LAST_MODIFIED = new Date('2024-05-01T10:00:00Z');
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({
    '/file.yaml': (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
      const since = req.headers['if-modified-since'];
      if (since && new Date(since) >= LAST_MODIFIED) return void res.writeHead(304).end();
      res
        .writeHead(200, { etag: '"v1"', 'last-modified': LAST_MODIFIED.toUTCString() })
        .end('kind: Component\n');
    },
    // Ignores conditional headers, as some servers do.
    '/stubborn.yaml': (_req, res) => void res.writeHead(200, { etag: '"s1"' }).end('same'),
    '/plain.txt': (_req, res) => void res.writeHead(200).end('no validators'),
    '/empty': (_req, res) => void res.writeHead(200).end(),
    '/broken': (_req, res) => void res.writeHead(500).end('stack trace'),
    '/forbidden': (_req, res) => void res.writeHead(403).end(),
    '/public/ok.yaml': (_req, res) => void res.writeHead(200).end('public'),
    '/private/secret.yaml': (_req, res) => void res.writeHead(200).end('secret'),
    '/auth.yaml': (req, res) => {
      const expected = `Basic ${Buffer.from('bob:p@ss w0rd').toString('base64')}`;
      if (req.headers.authorization !== expected) return void res.writeHead(401).end();
      res.writeHead(200).end('authorized');
    },
  });
});
afterAll(() => server.close());

function reader(allow?: JsonValue, logger = createTestLogger()): UrlReaderService {
  const config = new ConfigReader(allow === undefined ? {} : { backend: { reading: { allow } } });
  return UrlReaders.fromConfig(config, { logger });
}
const allowServer = () => reader([{ host: server.host }]);

describe('HttpUrlReader', () => {
  it('reads an allowed URL and exposes etag and last-modified', async () => {
    const response = await allowServer().readUrl(`${server.origin}/file.yaml`);
    expect((await response.buffer()).toString()).toBe('kind: Component\n');
    expect(response.etag).toBe('"v1"');
    expect(response.lastModifiedAt).toEqual(LAST_MODIFIED);
    const chunks: Buffer[] = [];
    for await (const chunk of response.stream()) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('kind: Component\n');
  });

  it('reads empty bodies and bodies without validators', async () => {
    const plain = await allowServer().readUrl(`${server.origin}/plain.txt`);
    expect((await plain.buffer()).toString()).toBe('no validators');
    expect(plain.etag).toBeUndefined();
    expect(plain.lastModifiedAt).toBeUndefined();
    expect((await (await allowServer().readUrl(`${server.origin}/empty`)).buffer()).length).toBe(0);
  });

  it('sends If-None-Match from etag and turns 304 into NotModifiedError', async () => {
    const before = server.requests.length;
    await expect(
      allowServer().readUrl(`${server.origin}/file.yaml`, { etag: '"v1"' }),
    ).rejects.toThrow(NotModifiedError);
    expect(server.requests[before].headers['if-none-match']).toBe('"v1"');
    const changed = await allowServer().readUrl(`${server.origin}/file.yaml`, { etag: '"v0"' });
    expect(changed.etag).toBe('"v1"');
  });

  it('sends If-Modified-Since from lastModifiedAfter', async () => {
    const url = `${server.origin}/file.yaml`;
    await expect(allowServer().readUrl(url, { lastModifiedAfter: LAST_MODIFIED })).rejects.toThrow(
      NotModifiedError,
    );
    const older = new Date(LAST_MODIFIED.getTime() - 60_000);
    await expect(allowServer().readUrl(url, { lastModifiedAfter: older })).resolves.toMatchObject({
      etag: '"v1"',
    });
  });

  it('treats a 200 with the same etag as not modified', async () => {
    const url = `${server.origin}/stubborn.yaml`;
    await expect(allowServer().readUrl(url, { etag: '"s1"' })).rejects.toThrow(NotModifiedError);
    await expect(allowServer().readUrl(url, { etag: '"s0"' })).resolves.toMatchObject({
      etag: '"s1"',
    });
  });

  it('maps 404 to NotFoundError and other failures to an error with the status', async () => {
    await expect(allowServer().readUrl(`${server.origin}/nope.yaml`)).rejects.toThrow(
      NotFoundError,
    );
    await expect(allowServer().readUrl(`${server.origin}/nope.yaml`)).rejects.toThrow(
      `Could not read '${server.origin}/nope.yaml': not found (HTTP 404)`,
    );
    await expect(allowServer().readUrl(`${server.origin}/broken`)).rejects.toThrow(
      `Could not read '${server.origin}/broken': HTTP 500 Internal Server Error`,
    );
    const forbidden = allowServer().readUrl(`${server.origin}/forbidden`);
    await expect(forbidden).rejects.toThrow(/HTTP 403/);
    await expect(forbidden).rejects.not.toBeInstanceOf(NotAllowedError);
  });

  it('refuses hosts that are not allowed, before sending anything', async () => {
    const before = server.requests.length;
    const url = `${server.origin}/file.yaml`;
    await expect(reader().readUrl(url)).rejects.toThrow(NotAllowedError);
    await expect(reader().readUrl(url)).rejects.toThrow(
      `Reading from '${url}' is not allowed. Add its host to backend.reading.allow`,
    );
    await expect(reader([{ host: '127.0.0.1' }]).readUrl(url)).rejects.toThrow(NotAllowedError);
    await expect(reader([{ host: '*.0.0.1' }]).readUrl(url)).rejects.toThrow(NotAllowedError);
    expect(server.requests.length).toBe(before);
  });

  it('applies path prefixes', async () => {
    const read = reader([{ host: server.host, paths: ['/public/'] }]);
    await expect(read.readUrl(`${server.origin}/public/ok.yaml`)).resolves.toBeDefined();
    await expect(read.readUrl(`${server.origin}/private/secret.yaml`)).rejects.toThrow(
      NotAllowedError,
    );
    await expect(read.readUrl(`${server.origin}/public/..%2Fprivate/secret.yaml`)).rejects.toThrow(
      NotAllowedError,
    );
  });

  it('sends URL credentials as Basic auth and never shows them', async () => {
    const logger = createTestLogger();
    const read = reader([{ host: server.host }], logger);
    const base = `http://bob:p%40ss%20w0rd@${server.host}`;
    const ok = await read.readUrl(`${base}/auth.yaml`);
    expect((await ok.buffer()).toString()).toBe('authorized');
    const failures = await Promise.allSettled([
      read.readUrl(`${base}/nope.yaml`),
      read.readUrl(`${base}/broken`),
      reader().readUrl(`${base}/auth.yaml`),
      read.search(`${base}/**/*.yaml`),
    ]);
    for (const failure of failures) {
      expect(failure.status).toBe('rejected');
      const message = String((failure as PromiseRejectedResult).reason.message);
      expect(message).toContain(server.host);
      expect(message).not.toMatch(/p%40ss|p@ss|bob/);
    }
    expect(logger.lines.length).toBeGreaterThan(0);
    expect(JSON.stringify(logger.lines)).not.toMatch(/p%40ss|p@ss|bob/);
  });

  it('says clearly when the server cannot be reached', async () => {
    const closed = await startTestServer({});
    await closed.close();
    await expect(reader([{ host: closed.host }]).readUrl(`${closed.origin}/x`)).rejects.toThrow(
      new RegExp(`Could not read '${closed.origin}/x': .*ECONNREFUSED`),
    );
  });

  describe('search', () => {
    it('returns the one URL with its content and etag', async () => {
      const result = await allowServer().search(`${server.origin}/file.yaml`);
      expect(result.etag).toBe('"v1"');
      expect(result.files.map(file => file.url)).toEqual([`${server.origin}/file.yaml`]);
      expect((await result.files[0].content()).toString()).toBe('kind: Component\n');
      await expect(
        allowServer().search(`${server.origin}/file.yaml`, { etag: '"v1"' }),
      ).rejects.toThrow(NotModifiedError);
    });

    it('hashes the content when the server sends no etag', async () => {
      const first = await allowServer().search(`${server.origin}/plain.txt`);
      expect(first.etag).toMatch(/^[0-9a-f]{64}$/);
      await expect(
        allowServer().search(`${server.origin}/plain.txt`, { etag: first.etag }),
      ).rejects.toThrow(NotModifiedError);
    });

    it('returns nothing for a missing URL and refuses globs', async () => {
      const missing = await allowServer().search(`${server.origin}/missing.yaml`);
      expect(missing.files).toEqual([]);
      await expect(allowServer().search(`${server.origin}/**/catalog-info.yaml`)).rejects.toThrow(
        InputError,
      );
      await expect(allowServer().search(`${server.origin}/{a,b}.yaml`)).rejects.toThrow(
        /globs are only supported for files/,
      );
    });

    it('still enforces the allow-list', async () => {
      await expect(reader().search(`${server.origin}/file.yaml`)).rejects.toThrow(NotAllowedError);
    });
  });
});

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverIssuer } from './discoverIssuer';

// A real server that answers each path with a different metadata document (good and bad).
let server: Server;
let base: string;
const documents: Record<string, { status: number; body: string }> = {};

beforeAll(async () => {
  server = createServer((req, res) => {
    const doc = documents[req.url ?? ''] ?? { status: 404, body: '{}' };
    res.writeHead(doc.status, { 'content-type': 'application/json' }).end(doc.body);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const good = {
    issuer: base,
    authorization_endpoint: `${base}/auth`,
    token_endpoint: `${base}/token`,
    jwks_uri: `${base}/jwks`,
    userinfo_endpoint: `${base}/me`,
    code_challenge_methods_supported: ['S256'],
  };
  documents['/good'] = { status: 200, body: JSON.stringify(good) };
  documents['/no-token-endpoint'] = {
    status: 200,
    body: JSON.stringify({ ...good, token_endpoint: undefined }),
  };
  documents['/bad-userinfo'] = {
    status: 200,
    body: JSON.stringify({ ...good, userinfo_endpoint: 'nope' }),
  };
  documents['/plain-only'] = {
    status: 200,
    body: JSON.stringify({ ...good, code_challenge_methods_supported: ['plain'] }),
  };
  documents['/html'] = { status: 200, body: '<html>' };
  documents['/error'] = { status: 500, body: '{}' };
});

afterAll(async () => {
  await new Promise(resolve => server.close(resolve));
});

describe('discoverIssuer', () => {
  it('reads the endpoints', async () => {
    const { metadata } = await discoverIssuer(`${base}/good`, 2000);
    expect(metadata.token_endpoint).toBe(`${base}/token`);
    expect(metadata.userinfo_endpoint).toBe(`${base}/me`);
  });

  it.each([
    ['/missing', 'HTTP 404'],
    ['/error', 'HTTP 500'],
    ['/html', 'the response is not JSON'],
    ['/no-token-endpoint', "'token_endpoint' is missing or not a URL"],
    ['/bad-userinfo', "'userinfo_endpoint' is not a URL"],
    ['/plain-only', 'the issuer does not support PKCE with S256'],
  ])('explains what is wrong with %s', async (path, reason) => {
    await expect(discoverIssuer(`${base}${path}`, 2000)).rejects.toThrow(
      `Could not read the OpenID Connect metadata at ${base}${path}: ${reason}`,
    );
  });
});

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestBackend, type TestBackend } from '@greenroom/backend-test-utils';
import type { JsonObject } from '@greenroom/config';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { createWhoAmIPlugin } from '../testing/createWhoAmIPlugin';

let running: TestBackend | undefined;
const servers: Server[] = [];
afterEach(async () => {
  await running?.stop();
  running = undefined;
  await Promise.all(servers.splice(0).map(s => new Promise(resolve => s.close(resolve))));
});

async function start(externalAccess: JsonObject[], auth: JsonObject = {}) {
  const a = createWhoAmIPlugin('a');
  const b = createWhoAmIPlugin('b');
  running = await startTestBackend({
    features: [a.plugin, b.plugin],
    config: { backend: { auth: { externalAccess, ...auth } } },
  });
  const url = running.url;
  return {
    whoami: (plugin: string, token: string) =>
      fetch(`${url}/api/${plugin}/whoami`, { headers: { authorization: `Bearer ${token}` } }),
  };
}

/** A real identity provider's JWKS endpoint on 127.0.0.1. */
async function startJwksServer() {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'idp-1', alg: 'ES256' };
  const server = createServer((req, res) => {
    if (req.url !== '/jwks') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
  const sign = (
    claims: Record<string, unknown>,
    options: { key?: CryptoKey; expiresIn?: string } = {},
  ) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: 'idp-1' })
      .setIssuedAt()
      .setExpirationTime(options.expiresIn ?? '10m')
      .sign(options.key ?? privateKey);
  return { url, sign };
}

function legacyToken(secret: string, claims: Record<string, unknown> = {}, expiresIn = '10m') {
  return new SignJWT({ sub: 'backstage-server', ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setExpirationTime(expiresIn)
    .sign(Buffer.from(secret, 'base64'));
}

const SECRET = Buffer.from('a shared secret of some length').toString('base64');

describe('backend.auth.externalAccess', () => {
  it('static: accepts the configured token as the configured subject', async () => {
    const { whoami } = await start([
      { type: 'static', options: { token: 'static-token-123', subject: 'ci-pipeline' } },
    ]);
    const res = await whoami('a', 'static-token-123');
    expect(res.status).toBe(200);
    expect((await res.json()).principal).toEqual({ type: 'service', subject: 'ci-pipeline' });
    expect((await whoami('a', 'static-token-124')).status).toBe(401);
  });

  it('static: a token restricted to plugin a gets 403 on plugin b', async () => {
    const { whoami } = await start([
      {
        type: 'static',
        options: { token: 'restricted-token', subject: 'reporting' },
        accessRestrictions: [{ plugin: 'a', permission: ['catalog.entity.read'] }],
      },
    ]);
    const atA = await whoami('a', 'restricted-token');
    expect(atA.status).toBe(200);
    expect((await atA.json()).principal).toEqual({
      type: 'service',
      subject: 'reporting',
      accessRestrictions: { permissionNames: ['catalog.entity.read'] },
    });
    const atB = await whoami('b', 'restricted-token');
    expect(atB.status).toBe(403);
    expect((await atB.json()).error).toEqual({
      name: 'NotAllowedError',
      message: "This token's access is restricted to plugin(s) 'a'",
    });
  });

  it('static: refuses to start with a token shorter than 8 characters, naming the key', async () => {
    await expect(
      start([{ type: 'static', options: { token: 'tiny', subject: 'ci' } }]),
    ).rejects.toThrow(
      'backend.auth.externalAccess[0].options.token must be at least 8 characters long',
    );
  });

  it('legacy: accepts HS256 tokens with sub backstage-server signed with the secret', async () => {
    const { whoami } = await start([
      { type: 'legacy', options: { secret: SECRET, subject: 'old-backend' } },
    ]);
    const res = await whoami('b', await legacyToken(SECRET));
    expect(res.status).toBe(200);
    expect((await res.json()).principal).toEqual({ type: 'service', subject: 'old-backend' });

    const otherSecret = Buffer.from('another secret entirely').toString('base64');
    const wrong = await whoami('b', await legacyToken(otherSecret));
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).error.message).toBe(
      'Failed legacy token verification: the signature does not match any configured secret',
    );
    const expired = await whoami('b', await legacyToken(SECRET, {}, '-1m'));
    expect((await expired.json()).error.message).toBe(
      'Failed legacy token verification: the token has expired',
    );
    // With an audience or another subject, it is not a legacy token at all.
    for (const token of [
      await legacyToken(SECRET, { aud: 'b' }),
      await legacyToken(SECRET, { sub: 'someone' }),
    ]) {
      const res2 = await whoami('b', token);
      expect(res2.status).toBe(401);
      expect((await res2.json()).error.message).toMatch(/^Illegal token/);
    }
  });

  it('legacy: still reads the deprecated backend.auth.keys, as external:backstage-plugin', async () => {
    const { whoami } = await start([], { keys: [{ secret: SECRET }] });
    const res = await whoami('a', await legacyToken(SECRET));
    expect((await res.json()).principal).toEqual({
      type: 'service',
      subject: 'external:backstage-plugin',
    });
  });

  it('jwks: verifies tokens against a remote JWKS with issuer and audience', async () => {
    const idp = await startJwksServer();
    const { whoami } = await start([
      {
        type: 'jwks',
        options: {
          url: idp.url,
          issuer: 'https://idp.example.com',
          audience: 'greenroom, portal',
          algorithm: 'ES256',
        },
      },
      {
        type: 'jwks',
        options: { url: idp.url, issuer: 'https://other.example.com', subjectPrefix: 'partner' },
        accessRestrictions: [{ plugin: 'a' }],
      },
    ]);
    const token = await idp.sign({ iss: 'https://idp.example.com', aud: 'portal', sub: 'robot-7' });
    const ok = await whoami('b', token);
    expect(ok.status).toBe(200);
    expect((await ok.json()).principal).toEqual({ type: 'service', subject: 'external:robot-7' });

    const partner = await idp.sign({ iss: 'https://other.example.com', sub: 'bot' });
    expect((await (await whoami('a', partner)).json()).principal).toEqual({
      type: 'service',
      subject: 'external:partner:bot',
    });
    expect((await whoami('b', partner)).status).toBe(403);

    const cases: Array<[string, string, RegExp]> = [
      [
        'wrong audience',
        await idp.sign({ iss: 'https://idp.example.com', aud: 'elsewhere', sub: 'robot-7' }),
        /^Failed external token verification: its audience is not one of the configured audiences$/,
      ],
      [
        'expired',
        await idp.sign(
          { iss: 'https://idp.example.com', aud: 'portal', sub: 'robot-7' },
          { expiresIn: '-1m' },
        ),
        /^Failed external token verification: the token has expired$/,
      ],
      [
        'signed by another key',
        await idp.sign(
          { iss: 'https://idp.example.com', aud: 'portal', sub: 'robot-7' },
          { key: (await generateKeyPair('ES256')).privateKey },
        ),
        /^Failed external token verification: the signature does not match the signing key$/,
      ],
      [
        'unknown issuer',
        await idp.sign({ iss: 'https://evil.example.com', aud: 'portal', sub: 'robot-7' }),
        /^Illegal token/,
      ],
      [
        'no subject',
        await idp.sign({ iss: 'https://idp.example.com', aud: 'portal' }),
        /^Failed external token verification: the token has no "sub" claim$/,
      ],
    ];
    for (const [label, bad, message] of cases) {
      const res = await whoami('b', bad);
      expect(res.status, label).toBe(401);
      expect((await res.json()).error.message, label).toMatch(message);
    }
  });

  it('jwks: says when the keys cannot be fetched', async () => {
    const idp = await startJwksServer();
    const { whoami } = await start([
      { type: 'jwks', options: { url: `${idp.url}-missing`, issuer: 'https://idp.example.com' } },
    ]);
    const res = await whoami('a', await idp.sign({ iss: 'https://idp.example.com', sub: 'x' }));
    expect(res.status).toBe(401);
    expect((await res.json()).error.message).toBe(
      `Failed external token verification: the signing keys could not be fetched from ${idp.url}-missing`,
    );
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JsonObject } from '@greenroom/config';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { startOidcServer, type OidcServer } from './testing/startOidcServer';
import {
  APP_ORIGIN,
  freePort,
  startBackendWithOidc,
  type OidcTestBackend,
} from './testing/startBackendWithOidc';
import { signInAtIdentityProvider } from './testing/signInWithOidc';
import { TestBrowser } from '@greenroom/backend-test-utils';
import { readPopupMessage } from '@greenroom/plugin-auth-backend/testing';

const CLIENT_ID = 'greenroom';
const CLIENT_SECRET = 'client-secret-0f8a7c6e5d4b3a29';

let idp: OidcServer | undefined;
let backend: OidcTestBackend | undefined;
afterEach(async () => {
  await backend?.stop();
  await idp?.close();
  backend = undefined;
  idp = undefined;
});

function oidcConfig(metadataUrl: string, overrides: Record<string, unknown> = {}) {
  return {
    development: {
      metadataUrl,
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      additionalScopes: ['offline_access'],
      prompt: 'consent',
      signIn: {
        resolvers: [
          {
            resolver: 'emailMatchingUserEntityProfileEmail',
            dangerouslyAllowSignInWithoutUserInCatalog: true,
          },
        ],
      },
      ...overrides,
    },
  };
}

async function setUp(overrides: Record<string, unknown> = {}, database?: JsonObject) {
  const port = await freePort();
  const callbackUrl = `http://127.0.0.1:${port}/api/auth/oidc/handler/frame`;
  idp = await startOidcServer({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    redirectUri: callbackUrl,
  });
  backend = await startBackendWithOidc(port, oidcConfig(idp.metadataUrl, overrides), { database });
  return { idp, backend, callbackUrl, port };
}

interface SignInMessage {
  type: string;
  response?: {
    profile: Record<string, string>;
    providerInfo: Record<string, unknown>;
    backstageIdentity: {
      token: string;
      expiresInSeconds: number;
      identity: Record<string, unknown>;
    };
  };
  error?: { name: string; message: string };
}

async function popupSignIn(
  b: OidcTestBackend,
  callbackUrl: string,
  browser = new TestBrowser(),
  login = 'jane',
) {
  const started = await browser.fetch(
    `${b.authUrl}/oidc/start?env=development&origin=${encodeURIComponent(APP_ORIGIN)}`,
  );
  expect(started.status).toBe(302);
  const authorize = new URL(started.headers.get('location')!);
  const callback = await signInAtIdentityProvider(
    browser,
    authorize.toString(),
    login,
    callbackUrl,
  );
  const frame = await browser.fetch(callback);
  return {
    authorize,
    callback: new URL(callback),
    frame,
    message: readPopupMessage(await frame.text()) as unknown as SignInMessage,
  };
}

describe('OIDC provider against a real OpenID Connect server', () => {
  it('signs in with the code flow and PKCE, refreshes through the IdP, and signs out', async () => {
    const { backend: b, idp: server, callbackUrl } = await setUp();
    const browser = new TestBrowser();
    const { authorize, callback, frame, message } = await popupSignIn(b, callbackUrl, browser);

    // What the browser was sent to the identity provider with.
    expect(authorize.origin).toBe(server.issuer);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: CLIENT_ID,
      redirect_uri: callbackUrl,
      scope: 'openid profile email offline_access',
      code_challenge_method: 'S256',
      prompt: 'consent',
    });
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    expect(callback.searchParams.get('iss')).toBe(server.issuer);

    expect(frame.status).toBe(200);
    expect(message.type).toBe('authorization_response');
    expect(message.error).toBeUndefined();
    const response = message.response!;
    expect(response.profile).toEqual({ email: 'jane@example.com', displayName: 'Jane Example' });
    expect(response.providerInfo).toMatchObject({
      accessToken: expect.any(String),
      idToken: expect.any(String),
      scope: expect.stringContaining('openid'),
      expiresInSeconds: expect.any(Number),
    });
    expect(response.providerInfo).not.toHaveProperty('refreshToken');
    expect(decodeJwt(response.providerInfo.idToken as string).iss).toBe(server.issuer);
    expect(response.backstageIdentity.identity).toEqual({
      type: 'user',
      userEntityRef: 'user:default/jane',
      ownershipEntityRefs: ['user:default/jane'],
    });
    const jwks = createRemoteJWKSet(new URL(`${b.authUrl}/.well-known/jwks.json`));
    const { payload, protectedHeader } = await jwtVerify(response.backstageIdentity.token, jwks, {
      issuer: `${b.url}/api/auth`,
      audience: 'backstage',
      typ: 'vnd.backstage.user',
    });
    expect(protectedHeader.alg).toBe('ES256');
    expect(payload).toMatchObject({ sub: 'user:default/jane', ent: ['user:default/jane'] });
    expect(server.issued.refreshTokens).toHaveLength(1);

    const headers = { 'x-requested-with': 'XMLHttpRequest' };
    const refreshed = await browser.fetch(`${b.authUrl}/oidc/refresh?env=development`, { headers });
    expect(refreshed.status).toBe(200);
    const refreshedBody = await refreshed.json();
    expect(refreshedBody.profile).toEqual({
      email: 'jane@example.com',
      displayName: 'Jane Example',
    });
    expect(refreshedBody.backstageIdentity.identity.userEntityRef).toBe('user:default/jane');
    // A new access token from the identity provider: the refresh went upstream.
    expect(refreshedBody.providerInfo.accessToken).not.toBe(response.providerInfo.accessToken);

    const out = await browser.fetch(`${b.authUrl}/oidc/logout`, {
      method: 'POST',
      headers: { ...headers, origin: APP_ORIGIN },
    });
    expect(out.status).toBe(200);
    expect(server.issued.revokedGrants).toHaveLength(1);
    expect(browser.cookie(new URL(b.url).host, 'oidc-refresh-token')).toBeUndefined();
    const after = await browser.fetch(`${b.authUrl}/oidc/refresh?env=development`, { headers });
    expect(after.status).toBe(401);
    expect(await (await fetch(`${b.authUrl}/providers`)).json()).toEqual({
      providers: [{ id: 'oidc' }],
    });
  });

  it('keeps the user signed in across a restart on the same database, refreshing at the IdP', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'greenroom-oidc-'));
    try {
      const database = { client: 'better-sqlite3', connection: { directory: dir } };
      const { backend: first, idp: server, callbackUrl, port } = await setUp({}, database);
      const browser = new TestBrowser();
      const { message } = await popupSignIn(first, callbackUrl, browser);
      await first.stop();
      backend = undefined;

      // Same port and database, a new process: only the database remembers the sign-in.
      backend = await startBackendWithOidc(port, oidcConfig(server.metadataUrl), { database });
      const refreshed = await browser.fetch(`${backend.authUrl}/oidc/refresh`, {
        headers: { 'x-requested-with': 'XMLHttpRequest' },
      });
      expect(refreshed.status).toBe(200);
      const body = await refreshed.json();
      expect(body.backstageIdentity.identity.userEntityRef).toBe('user:default/jane');
      // The stored identity provider refresh token was used: a new access token came back.
      expect(body.providerInfo.accessToken).toEqual(expect.any(String));
      expect(body.providerInfo.accessToken).not.toBe(message.response!.providerInfo.accessToken);
    } finally {
      await backend?.stop();
      backend = undefined;
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('never logs the client secret, tokens or the session cookie', async () => {
    const { backend: b, idp: server, callbackUrl } = await setUp();
    const browser = new TestBrowser();
    const { message } = await popupSignIn(b, callbackUrl, browser);
    const headers = { 'x-requested-with': 'XMLHttpRequest' };
    const refreshed = await (await browser.fetch(`${b.authUrl}/oidc/refresh`, { headers })).json();
    const handle = browser.cookie(new URL(b.url).host, 'oidc-refresh-token')!;
    await browser.fetch(`${b.authUrl}/oidc/logout`, {
      method: 'POST',
      headers: { ...headers, origin: APP_ORIGIN },
    });

    const secrets = [
      CLIENT_SECRET,
      Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64'),
      message.response!.backstageIdentity.token,
      message.response!.providerInfo.accessToken as string,
      message.response!.providerInfo.idToken as string,
      refreshed.backstageIdentity.token,
      refreshed.providerInfo.accessToken,
      handle,
      ...server.issued.refreshTokens,
    ];
    expect(secrets.every(secret => typeof secret === 'string' && secret.length > 10)).toBe(true);
    expect(server.issued.refreshTokens.length).toBeGreaterThan(0);
    const logText = JSON.stringify(b.logs, (_key, value) =>
      value instanceof Error ? { message: value.message, stack: value.stack } : value,
    );
    expect(b.logs.length).toBeGreaterThan(5);
    for (const secret of secrets) expect(logText).not.toContain(secret);
  });

  it('reports a wrong client secret to the popup without revealing it', async () => {
    const { backend: b, callbackUrl } = await setUp({ clientSecret: 'not-the-right-secret-123' });
    const { message } = await popupSignIn(b, callbackUrl);
    expect(message.error).toEqual({
      name: 'AuthenticationError',
      message: expect.stringMatching(
        /^The identity provider refused the authorization code: invalid_client/,
      ),
    });
    expect(JSON.stringify(message)).not.toContain('not-the-right-secret-123');
  });

  it('passes a refused consent on to the app', async () => {
    const { backend: b, callbackUrl } = await setUp();
    const browser = new TestBrowser();
    const started = await browser.fetch(`${b.authUrl}/oidc/start?env=development`);
    // Abort at the login page, as a user closing the dialog with "cancel" would.
    const { response, url } = await browser.follow(started.headers.get('location')!);
    expect(response.status).toBe(200);
    const uid = new URL(url).pathname.split('/').pop();
    const aborted = await browser.follow(`${new URL(url).origin}/interaction/${uid}/abort`, {
      stopAt: next => next.toString().startsWith(callbackUrl),
    });
    const message = readPopupMessage(
      await (await browser.fetch(aborted.url)).text(),
    ) as unknown as SignInMessage;
    expect(message.error).toEqual({
      name: 'AuthenticationError',
      message:
        'The identity provider refused the sign-in: access_denied (End-User aborted interaction)',
    });
  });
});

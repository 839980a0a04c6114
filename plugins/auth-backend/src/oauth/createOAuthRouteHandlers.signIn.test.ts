import { createHash } from 'node:crypto';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { startWithTestProvider } from '../testing/oauthFlow';
import { APP_ORIGIN, type AuthTestBackend } from '../testing/startAuthTestBackend';
import { TestBrowser } from '@greenroom/backend-test-utils';
import { readPopupMessage } from '../testing/readPopupMessage';

let backend: AuthTestBackend | undefined;
afterEach(async () => {
  await backend?.stop();
  backend = undefined;
});

async function start() {
  backend = await startWithTestProvider();
  return backend;
}

describe('OAuth sign-in flow', () => {
  it('start sets the nonce cookie and redirects with state; the popup posts a verifiable user token', async () => {
    const b = await start();
    const browser = new TestBrowser();
    const started = await browser.fetch(`${b.authUrl}/test/start?env=development`);
    expect(started.status).toBe(302);
    expect(started.headers.get('content-length')).toBe('0');
    const nonceCookie = started.headers.getSetCookie().find(c => c.startsWith('test-nonce='))!;
    expect(nonceCookie).toMatch(/Path=\/api\/auth\/test\/handler/);
    expect(nonceCookie).toMatch(/HttpOnly/);
    expect(nonceCookie).toMatch(/SameSite=Lax/);
    expect(nonceCookie).toMatch(/Max-Age=600/);
    const location = new URL(started.headers.get('location')!);
    const state = JSON.parse(
      Buffer.from(location.searchParams.get('state')!, 'base64url').toString(),
    );
    expect(state).toMatchObject({ env: 'development', flow: 'popup', scope: 'openid email' });
    expect(state.nonce).toBe(browser.cookie(new URL(b.url).host, 'test-nonce'));

    location.host = new URL(b.url).host;
    const frame = await browser.fetch(location.toString());
    expect(frame.status).toBe(200);
    expect(frame.headers.get('content-type')).toMatch(/^text\/html/);
    expect(frame.headers.get('x-frame-options')).toBe('sameorigin');
    const html = await frame.text();
    const script = /<script>([\s\S]*)<\/script>/.exec(html)![1];
    const hash = createHash('sha256').update(script).digest('base64');
    expect(frame.headers.get('content-security-policy')).toBe(`script-src 'sha256-${hash}'`);
    expect(script).toContain(
      `opener.postMessage({ type: 'config_info', targetOrigin: origin }, '*')`,
    );
    expect(script).toContain(`var origin = "${APP_ORIGIN}"`);

    const message = readPopupMessage(html) as {
      type: string;
      response: {
        profile: unknown;
        providerInfo: Record<string, unknown>;
        backstageIdentity: {
          token: string;
          expiresInSeconds: number;
          identity: Record<string, unknown>;
        };
      };
    };
    expect(message.type).toBe('authorization_response');
    expect(message.response.profile).toEqual({
      email: 'jdoe@example.com',
      displayName: 'Test User',
    });
    expect(message.response.providerInfo).toMatchObject({
      scope: 'openid email',
      expiresInSeconds: 300,
    });
    expect(message.response.providerInfo).not.toHaveProperty('refreshToken');
    const { token, expiresInSeconds, identity } = message.response.backstageIdentity;
    expect(identity).toEqual({
      type: 'user',
      userEntityRef: 'user:default/jdoe',
      ownershipEntityRefs: ['user:default/jdoe'],
    });
    expect(expiresInSeconds).toBe(3600);

    const header = decodeProtectedHeader(token);
    expect(header).toEqual({ alg: 'ES256', kid: expect.any(String), typ: 'vnd.backstage.user' });
    const jwks = createRemoteJWKSet(new URL(`${b.authUrl}/.well-known/jwks.json`));
    const { payload } = await jwtVerify(token, jwks, {
      issuer: 'http://127.0.0.1/api/auth',
      audience: 'backstage',
      typ: 'vnd.backstage.user',
    });
    expect(Object.keys(payload)).toEqual(['iss', 'sub', 'ent', 'aud', 'iat', 'exp', 'uip']);
    expect(payload.sub).toBe('user:default/jdoe');
    expect(payload.ent).toEqual(['user:default/jdoe']);
    expect(payload.exp! - payload.iat!).toBe(3600);

    // The identity proof rebuilds into a limited token signed by the same key.
    const limited = [
      Buffer.from(
        JSON.stringify({ typ: 'vnd.backstage.limited-user', alg: 'ES256', kid: header.kid }),
      ).toString('base64url'),
      Buffer.from(
        JSON.stringify({ sub: payload.sub, iat: payload.iat, exp: payload.exp }),
      ).toString('base64url'),
      payload.uip,
    ].join('.');
    const verifiedLimited = await jwtVerify(limited, jwks, { typ: 'vnd.backstage.limited-user' });
    expect(verifiedLimited.payload).toEqual({
      sub: 'user:default/jdoe',
      iat: payload.iat,
      exp: payload.exp,
    });

    // The refresh cookie is an opaque handle scoped to the provider's path.
    const refreshCookie = frame.headers
      .getSetCookie()
      .find(c => c.startsWith('test-refresh-token='))!;
    expect(refreshCookie).toMatch(/Path=\/api\/auth\/test;/);
    expect(refreshCookie).toMatch(/HttpOnly/);
    expect(browser.cookie(new URL(b.url).host, 'test-nonce')).toBeUndefined();
  });

  it('rejects callbacks without the nonce cookie, with another nonce, or replayed', async () => {
    const b = await start();
    const browser = new TestBrowser();
    const started = await browser.fetch(`${b.authUrl}/test/start?env=development`);
    const callback = new URL(started.headers.get('location')!);
    callback.host = new URL(b.url).host;

    const errorOf = async (response: Response) =>
      (readPopupMessage(await response.text()) as { error: { name: string; message: string } })
        .error;

    expect(await errorOf(await new TestBrowser().fetch(callback.toString()))).toEqual({
      name: 'NotAllowedError',
      message: 'Auth response is missing cookie nonce',
    });
    const other = new TestBrowser();
    other.setCookie(callback.host, 'test-nonce', 'another-nonce');
    expect(await errorOf(await other.fetch(callback.toString()))).toEqual({
      name: 'NotAllowedError',
      message: 'Invalid nonce',
    });

    const first = readPopupMessage(await (await browser.fetch(callback.toString())).text());
    expect(first).toHaveProperty('response');
    // Same callback again (the nonce cookie put back, as an attacker with it would): refused.
    browser.setCookie(
      callback.host,
      'test-nonce',
      JSON.parse(Buffer.from(callback.searchParams.get('state')!, 'base64url').toString()).nonce,
    );
    expect((await errorOf(await browser.fetch(callback.toString()))).message).toBe(
      'This sign-in attempt expired or was already used; sign in again',
    );

    const tampered = new URL(callback);
    tampered.searchParams.set('state', 'garbage');
    expect((await errorOf(await browser.fetch(tampered.toString()))).name).toBe('InputError');
  });

  it('passes an identity provider error on to the app', async () => {
    const b = await start();
    const browser = new TestBrowser();
    const started = await browser.fetch(`${b.authUrl}/test/start?env=development`);
    const callback = new URL(started.headers.get('location')!);
    callback.host = new URL(b.url).host;
    callback.searchParams.delete('code');
    callback.searchParams.set('error', 'access_denied');
    callback.searchParams.set('error_description', 'The user said no');
    const message = readPopupMessage(await (await browser.fetch(callback.toString())).text());
    expect(message.error).toEqual({
      name: 'AuthenticationError',
      message: 'The identity provider refused the sign-in: access_denied (The user said no)',
    });
  });

  it('validates the start request', async () => {
    const b = await start();
    const cases: Array<[string, number, string]> = [
      ['/test/start', 400, 'No env provided in request query parameters'],
      [
        '/test/start?env=staging',
        404,
        "No configuration available for the 'staging' environment of the 'test' provider",
      ],
      [
        '/test/start?env=development&origin=https%3A%2F%2Fevil.example',
        403,
        "Origin 'https://evil.example' is not allowed",
      ],
      [
        '/test/start?env=development&flow=redirect',
        400,
        'The redirect flow needs a redirectUrl query parameter',
      ],
      [
        '/test/start?env=development&flow=redirect&redirectUrl=https%3A%2F%2Fevil.example%2Fx',
        403,
        "Redirect URL origin 'https://evil.example' is not allowed",
      ],
    ];
    for (const [path, status, message] of cases) {
      const response = await fetch(`${b.authUrl}${path}`, { redirect: 'manual' });
      expect(response.status, path).toBe(status);
      expect((await response.json()).error.message, path).toBe(message);
    }
  });

  it('redirect flow: back to the app on success, with ?error= on failure', async () => {
    const b = await start();
    const browser = new TestBrowser();
    const redirectUrl = `${APP_ORIGIN}/catalog?tab=all`;
    const started = await browser.fetch(
      `${b.authUrl}/test/start?env=development&flow=redirect&redirectUrl=${encodeURIComponent(redirectUrl)}`,
    );
    const callback = new URL(started.headers.get('location')!);
    callback.host = new URL(b.url).host;
    const done = await browser.fetch(callback.toString());
    expect(done.status).toBe(302);
    expect(done.headers.get('location')).toBe(redirectUrl);
    expect(browser.cookie(callback.host, 'test-refresh-token')).toBeDefined();

    const again = await browser.fetch(callback.toString());
    expect(again.status).toBe(302);
    const failed = new URL(again.headers.get('location')!);
    expect(failed.origin + failed.pathname).toBe(`${APP_ORIGIN}/catalog`);
    expect(failed.searchParams.get('error')).toBe('Auth response is missing cookie nonce');
  });
});

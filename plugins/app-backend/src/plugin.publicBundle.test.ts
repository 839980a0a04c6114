import { TestBrowser, type TestBackend } from '@greenroom/backend-test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectJsonError, signInAsGuest, startAppBackend } from './testing/startAppBackend';
import {
  TEST_APP,
  TEST_PUBLIC_APP,
  writePublicBundle,
  writeSchemaRoot,
  writeTestApp,
} from './testing/testAppFiles';

// Protected mode on a real backend: the real auth plugin signs the guest in, the real cookie
// endpoint issues the app's cookie, and every request goes over HTTP with or without it.

const SECRET_TOKEN = 'SECRET-TOKEN-public-bundle-31c';
const FULL_ASSET = '/assets/index-abc123.js';
const PUBLIC_ASSET = '/assets/public-sign-in-111aaa.js';

let files: Awaited<ReturnType<typeof writeTestApp>>;
let schemas: Awaited<ReturnType<typeof writeSchemaRoot>>;
let backend: TestBackend;
let url: string;

beforeAll(async () => {
  files = await writeTestApp();
  await writePublicBundle(files.distDir);
  schemas = await writeSchemaRoot();
  backend = await startAppBackend({
    rootDir: schemas.rootDir,
    withGuestSignIn: true,
    config: {
      app: { distDir: files.distDir, title: 'Protected Portal' },
      appBackendTest: { publicNote: 'note-visible', apiToken: SECRET_TOKEN },
    },
  });
  url = backend.url;
});

afterAll(async () => {
  await backend?.stop();
  await files?.cleanup();
  await schemas?.cleanup();
});

/** A browser that signed in as guest and fetched the app's cookie, as the public bundle does. */
async function signedInBrowser(): Promise<{ browser: TestBrowser; token: string }> {
  const browser = new TestBrowser();
  const token = await signInAsGuest(url);
  const response = await browser.fetch(`${url}/api/app/.backstage/auth/v1/cookie`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(200);
  const { expiresAt } = (await response.json()) as { expiresAt: string };
  expect(new Date(expiresAt).getTime()).toBeGreaterThan(Date.now());
  return { browser, token };
}

function isPublicIndex(html: string) {
  return html.includes('public-sign-in-111aaa.js') && !html.includes('index-abc123.js');
}

describe('without the app cookie', () => {
  it.each(['/', '/index.html', '/catalog/default/component/x', '/settings'])(
    'GET %s returns the public index.html, varying by cookie and revalidated',
    async path => {
      const response = await fetch(`${url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('vary')).toMatch(/\bCookie\b/i);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      const html = await response.text();
      expect(isPublicIndex(html)).toBe(true);
      // The config is injected here too, filtered the same way.
      expect(html).toContain('"title":"Protected Portal"');
      expect(html).toContain('note-visible');
      expect(html).not.toContain(SECRET_TOKEN);
    },
  );

  it('serves the public bundle’s hashed files, cacheable by anyone', async () => {
    const response = await fetch(`${url}${PUBLIC_ASSET}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await response.text()).toBe(TEST_PUBLIC_APP.js);
  });

  it.each([FULL_ASSET, '/assets/style-def456.css', '/assets/no-such-chunk.js', '/favicon.ico'])(
    'refuses %s with 401 JSON that is never stored, and not the file',
    async path => {
      const response = await fetch(`${url}${path}`);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('vary')).toMatch(/\bCookie\b/i);
      const body = await response.clone().text();
      expect(body).not.toContain(TEST_APP.js.trim());
      await expectJsonError(response, 401, 'AuthenticationError');
    },
  );

  it('does not serve the public folder’s files under their on-disk path', async () => {
    for (const path of ['/public/index.html', '/public/assets/public-sign-in-111aaa.js']) {
      expect((await fetch(`${url}${path}`)).status).toBe(401);
    }
  });

  it('answers HEAD like GET', async () => {
    expect((await fetch(`${url}${FULL_ASSET}`, { method: 'HEAD' })).status).toBe(401);
    const page = await fetch(`${url}/`, { method: 'HEAD' });
    expect(page.status).toBe(200);
    expect(page.headers.get('vary')).toMatch(/\bCookie\b/i);
  });

  it('drops a cookie it cannot verify and serves the public bundle', async () => {
    const response = await fetch(`${url}/`, { headers: { cookie: 'backstage-auth=forged.value' } });
    expect(response.status).toBe(200);
    expect(isPublicIndex(await response.text())).toBe(true);
    const [cleared] = response.headers.getSetCookie();
    expect(cleared).toMatch(/^backstage-auth=; /);
    expect(cleared).toContain('Path=/;');
    const asset = await fetch(`${url}${FULL_ASSET}`, {
      headers: { cookie: 'backstage-auth=forged.value' },
    });
    expect(asset.status).toBe(401);
  });

  it('refuses to issue the cookie without a user token', async () => {
    const anonymous = await fetch(`${url}/api/app/.backstage/auth/v1/cookie`);
    await expectJsonError(anonymous, 401, 'AuthenticationError');
    expect(anonymous.headers.getSetCookie()).toEqual([]);
    const bad = await fetch(`${url}/api/app/.backstage/auth/v1/cookie`, {
      headers: { authorization: 'Bearer not-a-token' },
    });
    await expectJsonError(bad, 401, 'AuthenticationError');
  });
});

describe('with the app cookie', () => {
  it('issues a cookie for the whole site, then serves the full app at every page path', async () => {
    const { browser } = await signedInBrowser();
    for (const path of ['/', '/catalog/default/component/x']) {
      const response = await browser.fetch(`${url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('vary')).toMatch(/\bCookie\b/i);
      expect(response.headers.get('cache-control')).toBe('private, no-cache');
      const html = await response.text();
      expect(html).toContain('/assets/index-abc123.js');
      expect(html).not.toContain('public-sign-in-111aaa.js');
      expect(html).toContain('"title":"Protected Portal"');
    }
  });

  it('serves the full bundle’s files privately, and the public ones still', async () => {
    const { browser } = await signedInBrowser();
    const js = await browser.fetch(`${url}${FULL_ASSET}`);
    expect(js.status).toBe(200);
    expect(js.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    expect(await js.text()).toBe(TEST_APP.js);
    const signInCode = await browser.fetch(`${url}${PUBLIC_ASSET}`);
    expect(signInCode.status).toBe(200);
    expect(await signInCode.text()).toBe(TEST_PUBLIC_APP.js);
    const favicon = await browser.fetch(`${url}/favicon.ico`);
    expect(favicon.headers.get('cache-control')).toBe('private, max-age=600');
    await expectJsonError(
      await browser.fetch(`${url}/assets/no-such-chunk.js`),
      404,
      'NotFoundError',
    );
  });

  it('also lets a Bearer token through, as Backstage does', async () => {
    const token = await signInAsGuest(url);
    const response = await fetch(`${url}${FULL_ASSET}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
  });

  it('is back to the public bundle after sign-out clears the cookie', async () => {
    const { browser } = await signedInBrowser();
    expect((await browser.fetch(`${url}${FULL_ASSET}`)).status).toBe(200);
    const signOut = await browser.fetch(`${url}/api/app/.backstage/auth/v1/cookie`, {
      method: 'DELETE',
    });
    expect(signOut.status).toBe(204);
    expect(browser.cookie(new URL(url).host, 'backstage-auth')).toBeUndefined();
    expect(isPublicIndex(await (await browser.fetch(`${url}/`)).text())).toBe(true);
    expect((await browser.fetch(`${url}${FULL_ASSET}`)).status).toBe(401);
  });

  it('does not let a cookie of another plugin in', async () => {
    const token = await signInAsGuest(url);
    const auth = await fetch(`${url}/api/auth/.backstage/auth/v1/cookie`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const cookie = auth.headers.getSetCookie()[0]?.split(';')[0];
    expect(cookie).toMatch(/^backstage-auth=/);
    const response = await fetch(`${url}${FULL_ASSET}`, { headers: { cookie: cookie ?? '' } });
    expect(response.status).toBe(401);
  });
});

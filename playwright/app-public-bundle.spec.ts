import { expect, request, test } from '@playwright/test';
import type { Page, Request } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Protected mode in a production build: the e2e server built packages/app with its public entry,
// so dist/ holds the full app and dist/public/ the sign-in bundle. Which files are protected is
// read from that build, and every request the browser makes is recorded against it.

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'packages', 'app', 'dist');
const assetNames = (dir: string) => new Set(readdirSync(join(dir, 'assets')));
const publicAssets = assetNames(join(dist, 'public'));
// A file only the full app has: served to signed-in browsers only.
const protectedAssets = [...assetNames(dist)].filter(name => !publicAssets.has(name));
const fullEntry = /src="\/assets\/([^"]+\.js)"/.exec(
  readFileSync(join(dist, 'index.html'), 'utf8'),
)?.[1];

function recordRequests(page: Page): Request[] {
  const seen: Request[] = [];
  page.on('request', req => seen.push(req));
  return seen;
}

const assetOf = (url: string) => /\/assets\/([^/?#]+)/.exec(new URL(url).pathname)?.[1];

async function appMode(page: Page) {
  return page.locator('meta[name="greenroom-app-mode"]').getAttribute('content');
}

test.beforeAll(() => {
  expect(publicAssets.size).toBeGreaterThan(0);
  expect(protectedAssets.length).toBeGreaterThan(0);
  expect(fullEntry && protectedAssets.includes(fullEntry)).toBe(true);
});

test('an anonymous browser gets the public bundle and never a protected chunk', async ({
  page,
}) => {
  const requests = recordRequests(page);
  await page.goto('/catalog');
  await expect(page.getByRole('heading', { level: 1, name: /^Sign in to / })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Enter as guest' })).toBeVisible();
  expect(await appMode(page)).toBe('public');
  await page.waitForLoadState('networkidle');

  const assets = requests.map(req => assetOf(req.url())).filter(name => name !== undefined);
  expect(assets.length).toBeGreaterThan(0);
  for (const name of assets) expect(publicAssets.has(name), name).toBe(true);
  expect(assets.filter(name => protectedAssets.includes(name))).toEqual([]);
  const pages = requests.filter(req => req.resourceType() === 'document');
  for (const req of pages) expect((await req.response())?.headers()['vary']).toMatch(/cookie/i);
});

test('a protected asset fetched without the cookie is refused with 401', async ({ page }) => {
  await page.goto('/');
  const response = await page.request.get(`/assets/${fullEntry}`);
  expect(response.status()).toBe(401);
  expect(response.headers()['cache-control']).toBe('no-store');
  const body = await response.json();
  expect(body.error.name).toBe('AuthenticationError');
  expect(body.response.statusCode).toBe(401);
});

test('signing in as guest brings the full app; sign-out brings back the public bundle', async ({
  page,
  baseURL,
}) => {
  const errors: string[] = [];
  page.on('pageerror', error => errors.push(error.message));
  const requests = recordRequests(page);
  await page.goto('/settings');
  await page.getByRole('button', { name: 'Enter as guest' }).click();

  // The public bundle trades the token for the cookie and reloads into the full app.
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  expect(await appMode(page)).toBe('protected');
  const cookieCall = requests.find(req => req.url().endsWith('/api/app/.backstage/auth/v1/cookie'));
  expect(cookieCall?.method()).toBe('GET');
  const cookies = await page.context().cookies();
  const appCookie = cookies.find(cookie => cookie.name === 'backstage-auth' && cookie.path === '/');
  expect(appCookie?.httpOnly).toBe(true);
  expect(requests.some(req => assetOf(req.url()) === fullEntry)).toBe(true);

  // With the cookie the protected file is served; the same URL without it still is not.
  const withCookie = await page.request.get(`/assets/${fullEntry}`);
  expect(withCookie.status()).toBe(200);
  expect(withCookie.headers()['cache-control']).toBe('private, max-age=31536000, immutable');
  const anonymous = await request.newContext({ baseURL });
  try {
    expect((await anonymous.get(`/assets/${fullEntry}`)).status()).toBe(401);
  } finally {
    await anonymous.dispose();
  }

  // Sign-out drops the cookie and reloads into the public bundle.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Enter as guest' })).toBeVisible();
  expect(await appMode(page)).toBe('public');
  const left = await page.context().cookies();
  expect(left.filter(cookie => cookie.name === 'backstage-auth' && cookie.path === '/')).toEqual(
    [],
  );
  expect((await page.request.get(`/assets/${fullEntry}`)).status()).toBe(401);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Enter as guest' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('a reload after sign-in stays in the full app', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter as guest' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  expect(await appMode(page)).toBe('protected');
});

import { expect, test } from '@playwright/test';

// The production build, started as README documents, answers a browser on its public surfaces.

test('readiness reports ok once every plugin has started', async ({ page }) => {
  const response = await page.goto('/.backstage/health/v1/readiness');
  expect(response?.status()).toBe(200);
  expect(JSON.parse(await page.locator('body').innerText())).toEqual({ status: 'ok' });
});

test('an unknown plugin answers 404 with Backstage error JSON', async ({ page }) => {
  const response = await page.goto('/api/no-such-plugin/things');
  expect(response?.status()).toBe(404);
  expect(response?.headers()['content-type']).toContain('application/json');
  const body = JSON.parse(await page.locator('body').innerText());
  expect(body.error.name).toBe('NotFoundError');
  expect(body.request).toEqual({ method: 'GET', url: '/api/no-such-plugin/things' });
  expect(body.response).toEqual({ statusCode: 404 });
  // Production never sends stack traces to the browser.
  expect(body.error.stack).toBeUndefined();
});

test('security headers are set on every response', async ({ page }) => {
  const response = await page.goto('/.backstage/health/v1/liveness');
  const headers = response?.headers() ?? {};
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['content-security-policy']).toBeTruthy();
});

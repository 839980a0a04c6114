import { expect, test } from '@playwright/test';

// The second e2e backend runs the production build without dangerouslyAllowOutsideDevelopment:
// guest sign-in must not exist there, in the page or the API.
const strictPort = Number(process.env.GREENROOM_E2E_PORT ?? 7017) + 1;
const strictUrl = `http://localhost:${strictPort}`;

test.beforeAll(async () => {
  await expect
    .poll(
      () =>
        fetch(`${strictUrl}/.backstage/health/v1/readiness`).then(
          r => r.status,
          () => 0,
        ),
      { timeout: 60_000 },
    )
    .toBe(200);
});

test('a production start without the dangerous flag offers no guest sign-in', async ({ page }) => {
  await page.goto(`${strictUrl}/`);
  await expect(page.getByRole('heading', { level: 1, name: /^Sign in to / })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Enter as guest' })).toHaveCount(0);

  const providers = await page.request.get(`${strictUrl}/api/auth/providers`);
  expect(providers.status()).toBe(200);
  expect((await providers.json()).providers).not.toContainEqual({ id: 'guest' });

  const refresh = await page.request.get(`${strictUrl}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  expect([401, 404]).toContain(refresh.status());
  expect((await refresh.json()).error.name).toMatch(/NotFoundError|AuthenticationError/);
});

test('the guest flow of the permissive e2e backend is refused by the strict one', async ({
  page,
}) => {
  // A user token from one deployment means nothing to another: its keys are different.
  await page.goto('/');
  const response = await page.request.get('/api/auth/guest/refresh', {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  expect(response.status()).toBe(200);
  const { backstageIdentity } = await response.json();
  const elsewhere = await page.request.get(`${strictUrl}/api/auth/v1/userinfo`, {
    headers: { Authorization: `Bearer ${backstageIdentity.token}` },
  });
  expect(elsewhere.status()).toBe(401);
});

import { expect, test } from '@playwright/test';
import { signInAsGuest } from './support/signIn';

// The app as a user meets it: served by the backend from the production build, signed in as
// the guest (the e2e backend allows guest sign-in outside development).

test('the app loads: sign-in page first, then the home page, without script errors', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', error => errors.push(error.message));
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: /^Sign in to / })).toBeVisible();
  await page.getByRole('button', { name: 'Enter as guest' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Welcome to / })).toBeVisible();
  await expect(page).toHaveTitle(/Welcome to /);
  expect(errors).toEqual([]);
});

test('the sidebar navigates between pages', async ({ page }) => {
  await signInAsGuest(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Settings' }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await nav.getByRole('link', { name: 'Home' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1, name: /^Welcome to / })).toBeVisible();
});

test('the sidebar is reachable with the keyboard', async ({ page }) => {
  await signInAsGuest(page);
  await page.keyboard.press('Tab'); // the skip link
  await page.keyboard.press('Tab');
  const nav = page.getByRole('navigation');
  await expect(nav.getByRole('link', { name: 'Home' })).toBeFocused();
  // Plugins add their own items between Home and Settings; Tab walks through each of them.
  const items = await nav.getByRole('link').count();
  for (let i = 1; i < items; i++) {
    await page.keyboard.press('Tab');
    await expect(nav.getByRole('link').nth(i)).toBeFocused();
  }
  await expect(nav.getByRole('link', { name: 'Settings' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
});

test('an unknown route shows the 404 page', async ({ page }) => {
  await signInAsGuest(page);
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.getByText('There is no page at /no/such/page.')).toBeVisible();
  await page.getByRole('link', { name: 'Go to the home page' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Welcome to / })).toBeVisible();
});

test('a 360 px wide screen gets a menu button and a drawer, and no sideways scrolling', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter as guest' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Welcome to / })).toBeVisible();
  await page.getByRole('button', { name: 'Open navigation' }).click();
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Settings' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});

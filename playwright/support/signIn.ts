import { expect, type Page } from '@playwright/test';

/** Opens `path` (the public bundle before sign-in), signs in as guest and waits for the app. */
export async function signInAsGuest(page: Page, path = '/') {
  await page.goto(path);
  await page.getByRole('button', { name: 'Enter as guest' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}

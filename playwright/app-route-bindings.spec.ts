import { expect, test } from '@playwright/test';

// playwright/app-config.e2e.yaml binds the home page's "Browse the catalog" shortcut
// (external route home.browseCatalog, unbound while no catalog is installed) to the settings
// page: app.routes.bindings['home.browseCatalog'] = 'user-settings.root'.

test('a route binding in app-config decides where a link goes', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter as guest' }).click();
  const shortcut = page.getByRole('link', { name: 'Browse the catalog' });
  await expect(shortcut).toHaveAttribute('href', '/settings');
  await shortcut.click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
});

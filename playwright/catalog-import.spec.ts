import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import type { APIRequestContext, Page } from '@playwright/test';
import { seriousViolations } from './support/accessibility';
import { signInAsGuest } from './support/signIn';

// Registers a catalog file through /catalog-import on the production build. The e2e backend
// allows file registration under test-results/catalog-import-e2e (catalog.registration.fileRoots
// in playwright/app-config.e2e.yaml); each run writes a copy of the fixture with a unique name
// there, so a reused server never sees the same location twice.

const fixtures = resolve(import.meta.dirname, 'fixtures/catalog-import');
const fileRoot = resolve(import.meta.dirname, '../test-results/catalog-import-e2e');

async function writeFixture(name: string, source: string, replaceName?: string) {
  const dir = join(fileRoot, randomUUID());
  await mkdir(dir, { recursive: true });
  let text = await readFile(join(fixtures, source), 'utf8');
  if (replaceName) text = text.replaceAll('NAME_PLACEHOLDER', replaceName);
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

async function guestToken(request: APIRequestContext): Promise<string> {
  const response = await request.get('/api/auth/guest/refresh', {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  expect(response.status()).toBe(200);
  return (await response.json()).backstageIdentity.token;
}

async function analyze(page: Page, input: string) {
  const field = page.getByRole('textbox', { name: 'URL or path' });
  await field.fill(input);
  await page.getByRole('button', { name: 'Analyze' }).click();
}

test('registers a catalog file through the import page and the entity shows up', async ({
  page,
}) => {
  const name = `e2e-import-${randomUUID().slice(0, 8)}`;
  const path = await writeFixture('catalog-info.yaml', 'catalog-info.yaml', name);

  await signInAsGuest(page, '/');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Register' })
    .click();
  await expect(page).toHaveURL(/\/catalog-import$/);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Register an existing component' }),
  ).toBeVisible();

  await analyze(page, path);
  const table = page.getByRole('table', { name: 'Entities in the location' });
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('row').nth(1)).toContainText(`Componentdefault/${name}New`);

  await page.getByRole('button', { name: 'Register' }).click();
  await expect(page.getByText('Location registered')).toBeVisible();
  const link = page
    .getByRole('list', { name: 'Registered entities' })
    .getByRole('link', { name: `Component:default/${name}` });
  await expect(link).toHaveAttribute('href', `/catalog/default/component/${name}`);

  // The catalog ingests the new location in the background.
  const token = await guestToken(page.request);
  await expect
    .poll(
      async () =>
        (
          await page.request.get(`/api/catalog/entities/by-name/component/default/${name}`, {
            headers: { Authorization: `Bearer ${token}` },
          })
        ).status(),
      { timeout: 20_000 },
    )
    .toBe(200);
  const entity = await (
    await page.request.get(`/api/catalog/entities/by-name/component/default/${name}`, {
      headers: { Authorization: `Bearer ${token}` },
    })
  ).json();
  expect(entity.relations).toContainEqual(
    expect.objectContaining({ type: 'ownedBy', targetRef: 'group:default/team-a' }),
  );

  // The finish page links to the entity's page in the catalog.
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/catalog/default/component/${name}$`));
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(name) })).toBeVisible();

  // Analyzing the same file again says it is registered and offers no second registration.
  await page.goto('/catalog-import');
  await analyze(page, path);
  await expect(page.getByText('Already registered', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Register' })).toHaveCount(0);
});

test('explains input the catalog cannot register', async ({ page }) => {
  await signInAsGuest(page, '/catalog-import');
  const field = page.getByRole('textbox', { name: 'URL or path' });

  // Checked in the browser: neither a URL nor an absolute path.
  await analyze(page, 'catalog-info.yaml');
  await expect(page.getByText(/This is neither a URL nor an absolute path/)).toBeVisible();
  await expect(field).toHaveAttribute('aria-invalid', 'true');

  // Refused by the backend, with its message: outside catalog.registration.fileRoots.
  await analyze(page, '/etc/hostname');
  await expect(page.getByRole('alert')).toContainText('Could not analyze the location');
  await expect(page.getByRole('alert')).toContainText('catalog.registration.fileRoots');

  // Refused by the backend: a host backend.reading.allow does not list.
  await analyze(page, 'https://example.invalid/catalog-info.yaml');
  await expect(page.getByRole('alert')).toContainText('backend.reading.allow');

  // A YAML file whose document is not an entity: the catalog says why.
  await analyze(page, await writeFixture('settings.yaml', 'not-an-entity.yaml'));
  await expect(page.getByRole('alert')).toContainText('is not an entity');
  await expect(page.getByRole('table')).toHaveCount(0);

  // A file without any document.
  await analyze(page, await writeFixture('empty.yaml', 'empty.yaml'));
  await expect(page.getByRole('alert')).toContainText('No entities found');
  await expect(page.getByRole('table')).toHaveCount(0);
});

test('the import page has no serious accessibility violations', async ({ page }) => {
  const serious = () => seriousViolations(page);
  await signInAsGuest(page, '/catalog-import');
  await expect(page.getByRole('textbox', { name: 'URL or path' })).toBeVisible();
  expect(await serious()).toEqual([]);

  const name = `e2e-a11y-${randomUUID().slice(0, 8)}`;
  await analyze(page, await writeFixture('catalog-info.yaml', 'catalog-info.yaml', name));
  await expect(page.getByRole('table', { name: 'Entities in the location' })).toBeVisible();
  expect(await serious()).toEqual([]);

  // The error states too.
  await page.getByRole('button', { name: 'Back' }).click();
  await analyze(page, 'not a location');
  await expect(page.getByText(/This is neither a URL nor an absolute path/)).toBeVisible();
  await analyze(page, '/etc/hostname');
  await expect(page.getByRole('alert')).toContainText('catalog.registration.fileRoots');
  expect(await serious()).toEqual([]);
});

import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import type { APIRequestContext, Page } from '@playwright/test';
import { seriousViolations } from './support/accessibility';
import { signInAsGuest } from './support/signIn';

// The catalog pages on the production build, against the backend ingesting the acme example
// catalog (app-config.yaml). Each test gets a fresh browser, so stars never leak between tests.

// The e2e backend may register files under this root (catalog.registration.fileRoots in
// playwright/app-config.e2e.yaml); each run writes its own uniquely named location there.
const fileRoot = resolve(import.meta.dirname, '../test-results/catalog-import-e2e');

async function guestToken(request: APIRequestContext): Promise<string> {
  const response = await request.get('/api/auth/guest/refresh', {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  expect(response.status()).toBe(200);
  return (await response.json()).backstageIdentity.token;
}

function catalogTable(page: Page) {
  return page.getByRole('table', { name: 'Catalog entities' });
}

/** The names in the table's first column. */
async function shownNames(page: Page): Promise<string[]> {
  const rows = catalogTable(page).getByRole('row');
  const count = await rows.count();
  const names: string[] = [];
  for (let i = 1; i < count; i += 1) {
    names.push(await rows.nth(i).getByRole('link').first().innerText());
  }
  return names;
}

test('browses and filters the catalog; the URL holds the filters across a reload', async ({
  page,
}) => {
  await signInAsGuest(page, '/');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Catalog' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Catalog' })).toBeVisible();
  await expect(catalogTable(page).getByRole('link', { name: 'artist-lookup' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /^Component \(\d+\)$/ })).toBeVisible();

  // Type: website (options come from the facets, with counts).
  await page.getByRole('combobox', { name: 'Type' }).click();
  await page.getByRole('option', { name: /^website \(\d+\)$/ }).click();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/filters%5Btype%5D=website/);
  await expect(catalogTable(page).getByRole('link', { name: 'artist-lookup' })).toHaveCount(0);
  await expect(catalogTable(page).getByRole('link', { name: 'queue-proxy' })).toBeVisible();
  const filtered = await shownNames(page);
  expect(filtered.sort()).toEqual(['queue-proxy', 'www-artist']);

  // Text search narrows further and joins the URL.
  await page.getByRole('searchbox', { name: 'Search' }).fill('www');
  await expect(page).toHaveURL(/filters%5Btext%5D=www/);
  await expect(catalogTable(page).getByRole('link', { name: 'queue-proxy' })).toHaveCount(0);
  expect(await shownNames(page)).toEqual(['www-artist']);

  await page.reload();
  await expect(catalogTable(page).getByRole('link', { name: 'www-artist' })).toBeVisible();
  expect(await shownNames(page)).toEqual(['www-artist']);
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('www');
  await expect(page.getByRole('button', { name: 'website' })).toBeVisible();

  // Another kind: the type filter resets, the table shows that kind.
  await page.getByRole('button', { name: 'Clear all filters' }).click();
  await page.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: 'System' }).click();
  await expect(page).toHaveURL(/filters%5Bkind%5D=system/);
  await expect(page.getByRole('heading', { level: 2, name: /^System \(\d+\)$/ })).toBeVisible();
  // Sorted by name: the first system of the fixtures leads.
  await expect(catalogTable(page).getByRole('row').nth(1).getByRole('link').first()).toHaveText(
    'artist-engagement-portal',
  );
});

test('opens an entity and follows a relation to another entity', async ({ page }) => {
  await signInAsGuest(page, '/catalog');
  await catalogTable(page).getByRole('link', { name: 'artist-lookup' }).click();
  await expect(page).toHaveURL(/\/catalog\/default\/component\/artist-lookup$/);
  await expect(page.getByRole('heading', { level: 1, name: 'artist-lookup' })).toBeVisible();
  const about = page.locator('section', { has: page.getByRole('heading', { name: 'About' }) });
  await expect(about).toContainText('Artist Lookup');
  await about.getByRole('link', { name: 'artist-engagement-portal' }).click();
  await expect(page).toHaveURL(/\/catalog\/default\/system\/artist-engagement-portal$/);
  await expect(
    page.getByRole('heading', { level: 1, name: 'artist-engagement-portal' }),
  ).toBeVisible();
  // The system lists its components; back to one of them through the list.
  const components = page.locator('section', {
    has: page.getByRole('heading', { level: 2, name: 'Components' }),
  });
  await expect(components.getByRole('link', { name: 'artist-lookup' })).toBeVisible();
});

test('stars an entity and finds it under Starred', async ({ page }) => {
  await signInAsGuest(page, '/catalog/default/component/searcher');
  await expect(page.getByRole('heading', { level: 1, name: 'searcher' })).toBeVisible();
  await page.getByRole('button', { name: 'Add searcher to starred' }).click();
  await expect(page.getByRole('button', { name: 'Remove searcher from starred' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await page.goto('/catalog');
  await expect(catalogTable(page).getByRole('link', { name: 'artist-lookup' })).toBeVisible();
  await page.getByRole('button', { name: 'Starred (1)' }).click();
  await expect(page).toHaveURL(/filters%5Buser%5D=starred/);
  await expect(catalogTable(page).getByRole('link', { name: 'artist-lookup' })).toHaveCount(0);
  expect(await shownNames(page)).toEqual(['searcher']);
});

test('inspects an entity as YAML', async ({ page }) => {
  await signInAsGuest(page, '/catalog/default/component/artist-lookup');
  await page.getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menuitem', { name: 'Inspect entity' }).click();
  const dialog = page.getByRole('dialog', { name: 'Inspect artist-lookup' });
  await expect(dialog).toBeVisible();
  const yaml = dialog.getByRole('tabpanel');
  await expect(yaml).toContainText('kind: Component');
  await expect(yaml).toContainText('name: artist-lookup');
  await expect(yaml).toContainText('backstage.io/managed-by-origin-location');
  await dialog.getByRole('tab', { name: 'JSON' }).click();
  await expect(dialog.getByRole('tabpanel')).toContainText('"kind": "Component"');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
});

test('unregisters a location registered through the API', async ({ page }) => {
  const name = `e2e-unregister-${randomUUID().slice(0, 8)}`;
  const dir = join(fileRoot, `catalog-${randomUUID()}`);
  await mkdir(dir, { recursive: true });
  const target = join(dir, 'catalog-info.yaml');
  await writeFile(
    target,
    [
      'apiVersion: backstage.io/v1alpha1',
      'kind: Component',
      'metadata:',
      `  name: ${name}`,
      '  description: Registered by catalog.spec.ts',
      'spec:',
      '  type: service',
      '  lifecycle: experimental',
      '  owner: team-a',
      '',
    ].join('\n'),
  );
  const token = await guestToken(page.request);
  const headers = { Authorization: `Bearer ${token}` };
  const registered = await page.request.post('/api/catalog/locations', {
    headers,
    data: { type: 'file', target },
  });
  expect(registered.status()).toBe(201);
  const entityUrl = `/api/catalog/entities/by-name/component/default/${name}`;
  await expect
    .poll(async () => (await page.request.get(entityUrl, { headers })).status(), {
      timeout: 20_000,
    })
    .toBe(200);

  await signInAsGuest(page, `/catalog/default/component/${name}`);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menuitem', { name: 'Unregister entity' }).click();
  const dialog = page.getByRole('dialog', { name: 'Unregister entity' });
  await expect(dialog).toContainText(`This entity comes from the registered location`);
  await expect(dialog).toContainText(target);
  await expect(dialog).toContainText(`component:${name}`);
  await dialog.getByRole('button', { name: 'Unregister location' }).click();
  await expect(page).toHaveURL(/\/catalog$/);

  const locations = await (await page.request.get('/api/catalog/locations', { headers })).json();
  expect(locations.some((l: { data: { target: string } }) => l.data.target === target)).toBe(false);
  await expect
    .poll(async () => (await page.request.get(entityUrl, { headers })).status(), {
      timeout: 20_000,
    })
    .toBe(404);
});

test('the catalog and an entity page have no serious accessibility violations', async ({
  page,
}) => {
  const serious = () => seriousViolations(page);
  await signInAsGuest(page, '/catalog');
  await expect(catalogTable(page).getByRole('link', { name: 'artist-lookup' })).toBeVisible();
  expect(await serious()).toEqual([]);

  await page.goto('/catalog/default/component/artist-lookup');
  await expect(page.getByRole('heading', { level: 2, name: 'Subcomponents' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Relations' })).toBeVisible();
  expect(await serious()).toEqual([]);
});

test('the catalog table and filters work from the keyboard', async ({ page }) => {
  await signInAsGuest(page, '/catalog');
  await expect(catalogTable(page).getByRole('link', { name: 'artist-lookup' })).toBeVisible();
  // Sort by a column header with Enter.
  await page.getByRole('button', { name: 'Lifecycle' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/sort=lifecycle%2Casc/);
  // Owned / Starred / All toggles with Space.
  await page.getByRole('button', { name: /^Owned/ }).focus();
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/filters%5Buser%5D=owned/);
  // Row links are real links reachable by Tab. Other specs register more components on the
  // shared backend, so narrow the list with the search field first.
  await page.getByRole('button', { name: /^All/ }).click();
  await page.getByRole('searchbox', { name: 'Search' }).fill('artist-lookup');
  const link = catalogTable(page).getByRole('link', { name: 'artist-lookup' });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'artist-lookup' })).toBeVisible();
});

test('an OpenAPI definition renders through Swagger UI, loaded only on that tab', async ({
  page,
}) => {
  const scripts: string[] = [];
  page.on('request', request => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  await signInAsGuest(page, '/catalog/default/api/petstore');
  await expect(page.getByRole('heading', { level: 1, name: 'petstore' })).toBeVisible();
  expect(scripts.some(path => path.includes('OpenApiDefinition'))).toBe(false);
  await page.getByRole('tab', { name: 'Definition' }).click();
  await expect(page).toHaveURL(/\/catalog\/default\/api\/petstore\/definition$/);
  await expect(page.locator('.swagger-ui .opblock').first()).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText('/pets', { exact: true }).first()).toBeVisible();
  expect(scripts.some(path => path.includes('OpenApiDefinition'))).toBe(true);
});

test('a group page lists members and ownership; a member’s page lists their groups', async ({
  page,
}) => {
  await signInAsGuest(page, '/catalog/default/group/team-a');
  await expect(page.getByRole('heading', { level: 1, name: 'team-a' })).toBeVisible();
  const section = (title: string) =>
    page.locator('section', { has: page.getByRole('heading', { level: 2, name: title }) });
  await expect(section('Ownership').getByRole('link', { name: /^Component: \d+$/ })).toBeVisible();
  const members = section('Members');
  await expect(members.getByRole('row')).not.toHaveCount(1);
  expect(await seriousViolations(page)).toEqual([]);

  await members.getByRole('link').first().click();
  await expect(page).toHaveURL(/\/catalog\/default\/user\//);
  await expect(section('Groups').getByRole('link', { name: 'team-a' })).toBeVisible();

  // Ownership links to the catalog filtered to that owner.
  await page.goto('/catalog/default/group/team-a');
  await section('Ownership')
    .getByRole('link', { name: /^Component: \d+$/ })
    .click();
  await expect(page).toHaveURL(/filters%5Bowners%5D=group%3Adefault%2Fteam-a/);
  await expect(catalogTable(page).getByRole('link', { name: 'artist-lookup' })).toBeVisible();
});

import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import type { APIRequestContext } from '@playwright/test';
import { seriousViolations } from './support/accessibility';
import { signInAsGuest } from './support/signIn';

// The relations graph on the Dependencies tab of an entity page of the production build, over Backstage's example
// catalog (app-config.yaml): component petstore is owned by team-c and provides three APIs;
// team-c's members and parent group are two steps away.

test('shows the relations, grows with depth, and opens the entity clicked', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', error => errors.push(error.message));
  await signInAsGuest(page, '/catalog/default/component/petstore/dependencies');

  const graph = page.getByRole('application', {
    name: /^Relations of component:default\/petstore$/i,
  });
  await expect(graph).toBeVisible({ timeout: 20_000 });
  const root = graph.locator('a[aria-current="page"]');
  await expect(root).toContainText('petstore');
  for (const name of ['team-c', 'petstore', 'streetlights', 'hello-world']) {
    await expect(
      graph.getByRole('link', { name: new RegExp(`\\b${name}$`) }).first(),
    ).toBeVisible();
  }
  // Edges carry their relation type; each ownedBy/ownerOf pair is drawn once: petstore and
  // its three APIs are all owned by team-c.
  const edges = graph.locator('.react-flow__edge');
  await expect(edges.getByText('owned by', { exact: true })).toHaveCount(4);
  await expect(edges.getByText('provides API', { exact: true })).toHaveCount(3);
  await expect(edges).toHaveCount(7);
  // The legend names each relation type drawn.
  const legend = graph.getByRole('list', { name: 'Relation types' });
  await expect(legend.getByRole('listitem')).toHaveText(['owned by', 'provides API']);
  await expect(graph.getByRole('link', { name: /calum\.leavy/ })).toHaveCount(0);
  const depthOneCount = await graph.locator('a[data-entity-ref]').count();

  // Depth 2 reaches team-c's members and parent group.
  await page.getByRole('combobox', { name: 'Depth' }).click();
  await page.getByRole('option', { name: '2' }).click();
  await expect(graph.getByRole('link', { name: /calum\.leavy/ })).toBeVisible();
  await expect(graph.getByRole('link', { name: /boxoffice/ })).toBeVisible();
  expect(await graph.locator('a[data-entity-ref]').count()).toBeGreaterThan(depthOneCount);

  // Filtering to Group keeps the groups only (and the root).
  await page.getByRole('combobox', { name: 'Kinds' }).click();
  await page.getByRole('option', { name: 'Group' }).click();
  await page.keyboard.press('Escape');
  await expect(graph.getByRole('link', { name: /calum\.leavy/ })).toHaveCount(0);
  await expect(graph.getByRole('link', { name: /boxoffice/ })).toBeVisible();

  // Clicking a node opens that entity's page.
  await graph.getByRole('link', { name: /team-c/ }).click();
  await expect(page).toHaveURL(/\/catalog\/default\/group\/team-c$/);
  await expect(page.getByRole('heading', { level: 1, name: /team-c|Team C/ })).toBeVisible();
  expect(errors).toEqual([]);
});

test('the graph is usable with the keyboard', async ({ page }) => {
  await signInAsGuest(page, '/catalog/default/component/petstore/dependencies');
  const graph = page.getByRole('application', {
    name: /^Relations of component:default\/petstore$/i,
  });
  await expect(graph.getByRole('link', { name: /team-c/ })).toBeVisible({ timeout: 20_000 });

  // The filters, then the entities, root first, are tab stops.
  await page.getByRole('combobox', { name: 'Relations' }).focus();
  await page.keyboard.press('Tab');
  await expect(graph.locator('a[aria-current="page"]')).toBeFocused();
  await page.keyboard.press('Tab');
  const focused = graph.locator('a:focus');
  await expect(focused).toHaveCount(1);
  const href = await focused.getAttribute('href');
  expect(href).toMatch(/^\/catalog\/default\/(group|api)\//);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${href}$`));
});

test('the graph has no serious accessibility violations', async ({ page }) => {
  await signInAsGuest(page, '/catalog/default/component/petstore/dependencies');
  const graph = page.getByRole('application', {
    name: /^Relations of component:default\/petstore$/i,
  });
  await expect(graph.getByRole('link', { name: /team-c/ })).toBeVisible({ timeout: 20_000 });
  expect(await seriousViolations(page)).toEqual([]);
});

// A system with 210 components: more than the graph draws (200), registered for this run.
const fileRoot = resolve(import.meta.dirname, '../test-results/catalog-import-e2e');

async function registerBigSystem(request: APIRequestContext, system: string) {
  const documents = [
    `apiVersion: backstage.io/v1alpha1
kind: System
metadata:
  name: ${system}
spec:
  owner: team-a`,
    ...Array.from(
      { length: 210 },
      (_, i) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${system}-part-${i}
spec:
  type: service
  lifecycle: experimental
  owner: team-a
  system: ${system}`,
    ),
  ];
  const dir = join(fileRoot, randomUUID());
  await mkdir(dir, { recursive: true });
  const path = join(dir, 'catalog-info.yaml');
  await writeFile(path, documents.join('\n---\n'));

  const refresh = await request.get('/api/auth/guest/refresh', {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  const headers = { Authorization: `Bearer ${(await refresh.json()).backstageIdentity.token}` };
  const added = await request.post('/api/catalog/locations', {
    headers,
    data: { type: 'file', target: path },
  });
  expect(added.status()).toBe(201);
  await expect
    .poll(
      async () => {
        const response = await request.get(
          `/api/catalog/entities/by-name/system/default/${system}`,
          { headers },
        );
        if (response.status() !== 200) return 0;
        const entity = await response.json();
        return entity.relations.filter((r: { type: string }) => r.type === 'hasPart').length;
      },
      { timeout: 30_000 },
    )
    .toBe(210);
}

test('draws at most 200 entities, says so, and stays usable', async ({ page }) => {
  const system = `e2e-big-${randomUUID().slice(0, 8)}`;
  await registerBigSystem(page.request, system);
  await signInAsGuest(page, `/catalog/default/system/${system}/dependencies`);

  const graph = page.getByRole('application', {
    name: new RegExp(`^Relations of system:default/${system}$`, 'i'),
  });
  await expect(
    page.getByText(
      'Showing the first 200 entities only. Lower the depth or narrow the filters to see the rest.',
    ),
  ).toBeVisible({ timeout: 20_000 });
  // Entity links only (React Flow's attribution is a link too).
  await expect(graph.locator('a[data-entity-ref]')).toHaveCount(200);
  // 199 labels would pile up: the edges go unlabelled and the legend gives the colors.
  await expect(graph.locator('.react-flow__edge')).toHaveCount(199);
  await expect(graph.locator('.react-flow__edge-text')).toHaveCount(0);
  await expect(graph.getByRole('list', { name: 'Relation types' })).toHaveText('part of');

  // Still navigable at that size.
  const part = graph.getByRole('link', { name: new RegExp(`${system}-part-7$`) });
  await part.click();
  await expect(page).toHaveURL(new RegExp(`/catalog/default/component/${system}-part-7$`));
});

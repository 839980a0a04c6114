import { TestDatabases } from '@greenroom/backend-test-utils';
import type { Entity } from '@greenroom/catalog-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixtureEntities } from '../testing/loadFixtureEntities';
import {
  startCatalogTestBackend,
  type CatalogTestBackend,
} from '../testing/startCatalogTestBackend';

const databases = TestDatabases.create();

interface ErrorBody {
  error: { name: string; message: string };
  response: { statusCode: number };
}

describe.each(databases.eachSupportedId())('catalog API bad input on %s', id => {
  let catalog: CatalogTestBackend;
  let fixtures: Entity[];

  beforeAll(async () => {
    catalog = await startCatalogTestBackend(databases, id);
    fixtures = await loadFixtureEntities();
    await catalog.store.upsertFinalEntities(fixtures.map(entity => ({ entity })));
  });
  afterAll(() => catalog?.stop());

  async function expectError(response: Response, status: number, name: string, message?: RegExp) {
    expect(response.status).toBe(status);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.name).toBe(name);
    expect(body.response.statusCode).toBe(status);
    if (message) expect(body.error.message).toMatch(message);
    return body;
  }

  const post = (path: string, body: unknown) =>
    catalog.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('refuses requests without credentials (default auth policy)', async () => {
    const response = await fetch(`${catalog.baseUrl}/entities`);
    expect(response.status).toBe(401);
  });

  it('refuses a filter with 1,000 clauses, as a query parameter and as a predicate', async () => {
    const clauses = Array.from({ length: 1000 }, (_, i) => `a=${i}`).join(',');
    await expectError(
      await catalog.request(`/entities/by-query?filter=${encodeURIComponent(clauses)}`),
      400,
      'InputError',
      /at most 100/,
    );
    const repeated = Array.from({ length: 1000 }, (_, i) => `filter=a=${i}`).join('&');
    await expectError(await catalog.request(`/entities?${repeated}`), 400, 'InputError');
    const predicate = { $any: Array.from({ length: 1000 }, (_, i) => ({ kind: `k${i}` })) };
    await expectError(await post('/entities/by-query', { query: predicate }), 400, 'InputError');
    await expectError(
      await post('/entity-facets', { facets: ['kind'], query: predicate }),
      400,
      'InputError',
    );
  });

  it('refuses malformed predicates', async () => {
    for (const query of [
      [],
      { kind: { $contains: { a: 1 } } },
      { $all: {} },
      { $bogus: [] },
      { kind: { $in: 'x' } },
      { kind: null },
    ]) {
      await expectError(await post('/entities/by-query', { query }), 400, 'InputError');
    }
    let deep: Record<string, unknown> = { kind: 'x' };
    for (let i = 0; i < 50; i++) deep = { $not: deep };
    await expectError(await post('/entities/by-query', { query: deep }), 400, 'InputError');
  });

  it('refuses a tampered or foreign cursor, on GET and POST', async () => {
    const page = (await (
      await catalog.request('/entities/by-query?filter=kind=user&limit=2')
    ).json()) as { pageInfo: { nextCursor: string } };
    const cursor = page.pageInfo.nextCursor;
    expect(cursor).toBeTruthy();
    const decoded = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8'));
    // Widen the query to every entity and skip nothing, keeping the old signature.
    const widened = Buffer.from(JSON.stringify({ ...decoded, filter: null, offset: 0 })).toString(
      'base64',
    );
    for (const bad of [widened, 'not-a-cursor', Buffer.from('{"offset":0}').toString('base64')]) {
      await expectError(
        await catalog.request(`/entities/by-query?cursor=${encodeURIComponent(bad)}`),
        400,
        'InputError',
        /Invalid cursor/,
      );
      await expectError(await post('/entities/by-query', { cursor: bad }), 400, 'InputError');
      await expectError(
        await catalog.request(`/entities?after=${encodeURIComponent(bad)}`),
        400,
        'InputError',
      );
    }
    const genuine = await catalog.request(
      `/entities/by-query?cursor=${encodeURIComponent(cursor)}`,
    );
    expect(genuine.status).toBe(200);
  });

  it('clamps limit=1e9 and refuses limits that are not non-negative integers', async () => {
    for (const path of ['/entities?limit=1e9', '/entities/by-query?limit=1e9']) {
      const response = await catalog.request(path);
      expect(response.status).toBe(200);
      const body = (await response.json()) as Entity[] | { items: Entity[]; pageInfo: object };
      const items = Array.isArray(body) ? body : body.items;
      expect(items).toHaveLength(fixtures.length);
    }
    for (const limit of ['-1', 'abc', '1.5', '1e400']) {
      await expectError(
        await catalog.request(`/entities/by-query?limit=${limit}`),
        400,
        'InputError',
        /limit/,
      );
    }
    await expectError(await post('/entities/by-query', { limit: 'many' }), 400, 'InputError');
  });

  it('answers unknown uids with a 404 NotFoundError envelope (GET); DELETE is idempotent', async () => {
    const body = await expectError(
      await catalog.request('/entities/by-uid/00000000-0000-0000-0000-000000000000'),
      404,
      'NotFoundError',
      /No entity with uid 00000000-0000-0000-0000-000000000000/,
    );
    expect(body).toMatchObject({ request: { method: 'GET' } });
    const deleted = await catalog.request('/entities/by-uid/nope', { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    await expectError(
      await catalog.request('/entities/by-name/component/default/nope'),
      404,
      'NotFoundError',
      /No entity named 'nope' found, with kind 'component' in namespace 'default'/,
    );
  });

  it('refuses bad by-refs bodies', async () => {
    for (const body of [
      {},
      { entityRefs: 'component:default/a' },
      { entityRefs: [42] },
      { entityRefs: ['no-kind-here'] },
      { entityRefs: ['component:default/a'], fields: 'metadata.name' },
      { entityRefs: Array.from({ length: 10_001 }, (_, i) => `component:default/c${i}`) },
    ]) {
      await expectError(await post('/entities/by-refs', body), 400, 'InputError');
    }
    const invalidJson = await post('/entities/by-refs', '{"entityRefs": [');
    expect(invalidJson.status).toBe(400);
  });

  it('refuses malformed fields, order, facets and query parameter shapes', async () => {
    for (const path of [
      '/entities?fields=metadata..name',
      '/entities?fields=.kind',
      '/entities?fields=meta%20data',
      '/entities/by-query?fields=kind.',
      '/entities?order=sideways:metadata.name',
      '/entities?order=metadata.name',
      '/entities/by-query?orderField=metadata.name,up',
      '/entities/by-query?totalItems=maybe',
      '/entity-facets',
      '/entity-facets?facet=a..b',
      '/entities?filter==value',
      '/entities?after=a&after=b',
    ]) {
      await expectError(await catalog.request(path), 400, 'InputError');
    }
    await expectError(await post('/entity-facets', { facets: 'kind' }), 400, 'InputError');
  });
});

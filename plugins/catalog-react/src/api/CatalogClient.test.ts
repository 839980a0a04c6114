import { describe, expect, it } from 'vitest';
import { CATALOG_FILTER_EXISTS } from './CatalogApi';
import { CatalogClient } from './CatalogClient';
import { CatalogResponseError } from './responseToError';

const BASE = 'http://backend.test/api/catalog';

interface Seen {
  method: string;
  url: string;
  body?: unknown;
  contentType?: string | null;
}

/** A client over a fake fetch answering every request with `respond`. */
function clientWith(respond: (seen: Seen) => Response) {
  const seen: Seen[] = [];
  const client = new CatalogClient({
    discoveryApi: { getBaseUrl: async pluginId => `http://backend.test/api/${pluginId}` },
    fetchApi: {
      fetch: async (input, init) => {
        const request: Seen = {
          method: init?.method ?? 'GET',
          url: String(input),
          body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
          contentType: new Headers(init?.headers).get('content-type'),
        };
        seen.push(request);
        return respond(request);
      },
    },
  });
  return { client, seen };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const page = { items: [], totalItems: 0, pageInfo: {} };

describe('CatalogClient', () => {
  it('sends one filter parameter per filter set, commas joining the keys of a set', async () => {
    const { client, seen } = clientWith(() => json(page));
    await client.queryEntities({
      filter: [
        { kind: 'component', 'spec.type': ['service', 'website'] },
        { kind: 'api', 'metadata.annotations.backstage.io/techdocs-ref': CATALOG_FILTER_EXISTS },
      ],
      limit: 20,
      orderFields: [{ field: 'metadata.name', order: 'desc' }],
      fullTextFilter: { term: '  play back ', fields: ['metadata.name', 'metadata.title'] },
      fields: ['kind', 'metadata'],
    });
    const url = new URL(seen[0].url);
    expect(`${url.origin}${url.pathname}`).toBe(`${BASE}/entities/by-query`);
    expect(url.searchParams.getAll('filter')).toEqual([
      'kind=component,spec.type=service,spec.type=website',
      'kind=api,metadata.annotations.backstage.io/techdocs-ref',
    ]);
    expect(url.searchParams.get('limit')).toBe('20');
    expect(url.searchParams.getAll('orderField')).toEqual(['metadata.name,desc']);
    expect(url.searchParams.get('fullTextFilterTerm')).toBe('play back');
    expect(url.searchParams.get('fullTextFilterFields')).toBe('metadata.name,metadata.title');
    expect(url.searchParams.get('fields')).toBe('kind,metadata');
  });

  it('follows a cursor with only the cursor and limit', async () => {
    const { client, seen } = clientWith(() => json(page));
    await client.queryEntities({ cursor: 'abc+/=', limit: 50 });
    expect(seen[0].url).toBe(`${BASE}/entities/by-query?limit=50&cursor=abc%2B%2F%3D`);
  });

  it('leaves out an empty filter and a blank search term', async () => {
    const { client, seen } = clientWith(() => json(page));
    await client.queryEntities({ filter: {}, fullTextFilter: { term: '   ' } });
    expect(seen[0].url).toBe(`${BASE}/entities/by-query`);
  });

  it('counts with limit=0 and reads totalItems', async () => {
    const { client, seen } = clientWith(() => json({ ...page, totalItems: 42 }));
    expect(await client.countEntities({ kind: 'user' }, 'ann')).toBe(42);
    expect(seen[0].url).toBe(
      `${BASE}/entities/by-query?limit=0&filter=kind%3Duser&fullTextFilterTerm=ann`,
    );
  });

  it('gets an entity by ref, URL-encoding each part, and undefined on 404', async () => {
    const entity = { apiVersion: 'v1', kind: 'Component', metadata: { name: 'a b' } };
    const { client, seen } = clientWith(({ url }) =>
      url.endsWith('missing')
        ? json(
            { error: { name: 'NotFoundError', message: 'no' }, response: { statusCode: 404 } },
            404,
          )
        : json(entity),
    );
    expect(await client.getEntityByRef('Component:my-ns/a b')).toEqual(entity);
    expect(seen[0].url).toBe(`${BASE}/entities/by-name/Component/my-ns/a%20b`);
    expect(
      await client.getEntityByRef({ kind: 'group', namespace: 'default', name: 'missing' }),
    ).toBeUndefined();
  });

  it('throws the backend error name and message for other failures', async () => {
    const { client } = clientWith(() =>
      json(
        { error: { name: 'InputError', message: 'Invalid cursor' }, response: { statusCode: 400 } },
        400,
      ),
    );
    const error = await client.queryEntities({ cursor: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatalogResponseError);
    expect(error).toMatchObject({ name: 'InputError', message: 'Invalid cursor', statusCode: 400 });
  });

  it('names the status when the body is not error JSON, without echoing it', async () => {
    const { client } = clientWith(
      () =>
        new Response('<html>secret proxy page</html>', { status: 502, statusText: 'Bad Gateway' }),
    );
    const error = (await client
      .getEntityFacets({ facets: ['kind'] })
      .catch((e: unknown) => e)) as Error;
    expect(error.message).toBe('Request failed with 502 Bad Gateway');
    expect(error.message).not.toContain('secret');
  });

  it('asks for facets with repeated facet parameters and the filter', async () => {
    const { client, seen } = clientWith(() => json({ facets: { kind: [] } }));
    await client.getEntityFacets({
      facets: ['spec.type', 'metadata.tags'],
      filter: { kind: 'api' },
    });
    expect(seen[0].url).toBe(
      `${BASE}/entity-facets?facet=spec.type&facet=metadata.tags&filter=kind%3Dapi`,
    );
  });

  it('posts refs and fields to by-refs, and skips the call for no refs', async () => {
    const { client, seen } = clientWith(() => json({ items: [null] }));
    expect(await client.getEntitiesByRefs({ entityRefs: [] })).toEqual({ items: [] });
    expect(seen).toHaveLength(0);
    expect(
      await client.getEntitiesByRefs({ entityRefs: ['user:default/x'], fields: ['metadata.name'] }),
    ).toEqual({ items: [null] });
    expect(seen[0]).toEqual({
      method: 'POST',
      url: `${BASE}/entities/by-refs`,
      body: { entityRefs: ['user:default/x'], fields: ['metadata.name'] },
      contentType: 'application/json',
    });
  });

  it('refreshes, deletes by uid, and removes locations with the right verbs and paths', async () => {
    const { client, seen } = clientWith(() => new Response(null, { status: 204 }));
    await client.refreshEntity('component:default/a');
    await client.removeEntityByUid('u/1');
    await client.removeLocationById('loc-1');
    expect(seen.map(({ method, url, body }) => ({ method, url, body }))).toEqual([
      { method: 'POST', url: `${BASE}/refresh`, body: { entityRef: 'component:default/a' } },
      { method: 'DELETE', url: `${BASE}/entities/by-uid/u%2F1`, body: undefined },
      { method: 'DELETE', url: `${BASE}/locations/loc-1`, body: undefined },
    ]);
  });

  it('finds the location of an entity, undefined when it has none', async () => {
    const location = { id: 'l1', type: 'url', target: 'https://x.test/catalog-info.yaml' };
    const { client, seen } = clientWith(({ url }) =>
      url.endsWith('/default/b') ? new Response('', { status: 404 }) : json(location),
    );
    expect(await client.getLocationByEntity('component:default/a')).toEqual(location);
    expect(seen[0].url).toBe(`${BASE}/locations/by-entity/component/default/a`);
    expect(await client.getLocationByEntity('component:default/b')).toBeUndefined();
  });

  it('adds a location (url by default), as a dry run when asked, and analyzes one', async () => {
    const { client, seen } = clientWith(() =>
      json({ location: { id: 'l', type: 'url', target: 't' }, entities: [] }, 201),
    );
    await client.addLocation({ target: 'https://x.test/a.yaml', dryRun: true });
    await client.addLocation({ type: 'file', target: '/srv/a.yaml' });
    await client.analyzeLocation({ location: { type: 'url', target: 'https://x.test/repo' } });
    expect(seen.map(({ method, url, body }) => ({ method, url, body }))).toEqual([
      {
        method: 'POST',
        url: `${BASE}/locations?dryRun=true`,
        body: { type: 'url', target: 'https://x.test/a.yaml' },
      },
      { method: 'POST', url: `${BASE}/locations`, body: { type: 'file', target: '/srv/a.yaml' } },
      {
        method: 'POST',
        url: `${BASE}/analyze-location`,
        body: { location: { type: 'url', target: 'https://x.test/repo' } },
      },
    ]);
  });

  it('refuses a malformed ref before any request', async () => {
    const { client, seen } = clientWith(() => json({}));
    await expect(client.getEntityByRef('component:/x')).rejects.toThrow(/not on the form/);
    expect(seen).toHaveLength(0);
  });
});

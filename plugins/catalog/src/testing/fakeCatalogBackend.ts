import { stringifyEntityRef } from '@greenroom/catalog-model';
import type { Entity } from '@greenroom/catalog-model';

// A stand-in for the backend at the app's one boundary with it, fetch: the auth contract the
// guest sign-in needs, and the catalog endpoints the pages call, over an in-memory entity list.
// It follows the catalog API's documented filter, facet and cursor behaviour (ref-backend §3).

export const BACKEND = 'http://backend.test:7007';
export const GUEST = 'user:development/guest';

export interface SeenRequest {
  method: string;
  url: URL;
  body?: unknown;
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

function errorJson(name: string, message: string, status: number): Response {
  return json({ error: { name, message }, response: { statusCode: status } }, status);
}

/** The values at a dotted path, arrays flattened, lowercased like the catalog's search rows. */
function valuesAt(entity: Entity, key: string): string[] {
  const lower = key.toLocaleLowerCase('en-US');
  if (lower.startsWith('relations.')) {
    const type = lower.slice('relations.'.length);
    return (entity.relations ?? [])
      .filter(r => r.type.toLocaleLowerCase('en-US') === type)
      .map(r => r.targetRef.toLocaleLowerCase('en-US'));
  }
  if (lower === 'metadata.namespace') return [entity.metadata.namespace ?? 'default'];
  // Annotation and label keys hold dots themselves.
  for (const map of ['annotations', 'labels'] as const) {
    if (lower.startsWith(`metadata.${map}.`)) {
      const value = entity.metadata[map]?.[key.slice(`metadata.${map}.`.length)];
      return value === undefined ? [] : [value.toLocaleLowerCase('en-US')];
    }
  }
  let current: unknown = entity;
  for (const part of key.split('.')) {
    if (current === null || typeof current !== 'object') return [];
    const record = current as Record<string, unknown>;
    const found = Object.keys(record).find(
      k => k.toLocaleLowerCase('en-US') === part.toLocaleLowerCase('en-US'),
    );
    current = found === undefined ? undefined : record[found];
  }
  const list = Array.isArray(current) ? current : current === undefined ? [] : [current];
  return list.filter(v => typeof v === 'string').map(v => (v as string).toLocaleLowerCase('en-US'));
}

/** `filter` params: sets ORed, keys in a set ANDed, a repeated key ORed. */
function matches(entity: Entity, filters: string[]): boolean {
  if (filters.length === 0) return true;
  return filters.some(set => {
    const byKey = new Map<string, string[]>();
    for (const part of set.split(',')) {
      const eq = part.indexOf('=');
      const key = eq === -1 ? part : part.slice(0, eq);
      byKey.set(key, [...(byKey.get(key) ?? []), eq === -1 ? '' : part.slice(eq + 1)]);
    }
    return [...byKey.entries()].every(([key, wanted]) => {
      const have = valuesAt(entity, key);
      return wanted.some(w =>
        w === '' ? have.length > 0 : have.includes(w.toLocaleLowerCase('en-US')),
      );
    });
  });
}

interface Cursor {
  filter: string[];
  order: string[];
  term: string;
  offset: number;
}

export interface FakeCatalogOptions {
  entities: Entity[];
  /** Locations by entity ref, for `/locations/by-entity`. */
  locations?: Record<string, { id: string; type: string; target: string }>;
  /** Answer any request first: return a Response, or undefined to fall through. */
  route?: (request: SeenRequest) => Response | undefined;
}

/** A fake `fetch`, the requests it saw, and the live entity list (deletes change it). */
export function fakeCatalogBackend(options: FakeCatalogOptions) {
  const requests: SeenRequest[] = [];
  const entities = [...options.entities];
  const locations = { ...options.locations };

  const query = (cursor: Cursor, limit: number) => {
    let found = entities.filter(e => matches(e, cursor.filter));
    const term = cursor.term.toLocaleLowerCase('en-US');
    if (term) {
      found = found.filter(e =>
        [e.metadata.name, e.metadata.title, e.metadata.description]
          .filter(Boolean)
          .some(v => String(v).toLocaleLowerCase('en-US').includes(term)),
      );
    }
    for (const order of [...cursor.order].reverse()) {
      const [field, direction] = order.split(',');
      found.sort((a, b) => {
        const x = valuesAt(a, field)[0] ?? '\uffff';
        const y = valuesAt(b, field)[0] ?? '\uffff';
        return (direction === 'desc' ? -1 : 1) * x.localeCompare(y);
      });
    }
    const items = found.slice(cursor.offset, cursor.offset + limit);
    const encode = (offset: number) => btoa(JSON.stringify({ ...cursor, offset }));
    return {
      items,
      totalItems: found.length,
      pageInfo: {
        nextCursor:
          cursor.offset + limit < found.length ? encode(cursor.offset + limit) : undefined,
        prevCursor: cursor.offset > 0 ? encode(Math.max(0, cursor.offset - limit)) : undefined,
      },
    };
  };

  const catalog = (request: SeenRequest): Response => {
    const { url, method } = request;
    const path = url.pathname.slice('/api/catalog'.length);
    const params = url.searchParams;
    if (method === 'GET' && path === '/entities/by-query') {
      const limit = Number(params.get('limit') ?? 20);
      const raw = params.get('cursor');
      if (raw) {
        try {
          return json(query(JSON.parse(atob(raw)) as Cursor, limit));
        } catch {
          return errorJson('InputError', 'Invalid cursor', 400);
        }
      }
      return json(
        query(
          {
            filter: params.getAll('filter'),
            order: params.getAll('orderField'),
            term: params.get('fullTextFilterTerm') ?? '',
            offset: 0,
          },
          limit,
        ),
      );
    }
    if (method === 'GET' && path === '/entity-facets') {
      const found = entities.filter(e => matches(e, params.getAll('filter')));
      const facets: Record<string, { value: string; count: number }[]> = {};
      for (const facet of params.getAll('facet')) {
        const counts = new Map<string, number>();
        for (const entity of found) {
          const values =
            facet === 'kind'
              ? [entity.kind]
              : facet.startsWith('relations.')
                ? valuesAt(entity, facet)
                : valuesAt(entity, facet);
          for (const value of new Set(values)) counts.set(value, (counts.get(value) ?? 0) + 1);
        }
        facets[facet] = [...counts.entries()].map(([value, count]) => ({ value, count }));
      }
      return json({ facets });
    }
    const byName = path.match(/^\/entities\/by-name\/([^/]+)\/([^/]+)\/([^/]+)$/);
    if (method === 'GET' && byName) {
      const ref = `${byName[1]}:${byName[2]}/${decodeURIComponent(byName[3])}`.toLocaleLowerCase(
        'en-US',
      );
      const entity = entities.find(e => stringifyEntityRef(e) === ref);
      return entity ? json(entity) : errorJson('NotFoundError', `No entity ${ref}`, 404);
    }
    if (method === 'POST' && path === '/entities/by-refs') {
      const { entityRefs } = request.body as { entityRefs: string[] };
      return json({
        items: entityRefs.map(
          ref =>
            entities.find(e => stringifyEntityRef(e) === ref.toLocaleLowerCase('en-US')) ?? null,
        ),
      });
    }
    const byEntity = path.match(/^\/locations\/by-entity\/([^/]+)\/([^/]+)\/([^/]+)$/);
    if (method === 'GET' && byEntity) {
      const ref =
        `${byEntity[1]}:${byEntity[2]}/${decodeURIComponent(byEntity[3])}`.toLocaleLowerCase(
          'en-US',
        );
      const location = locations[ref];
      return location ? json(location) : errorJson('NotFoundError', 'No location', 404);
    }
    const locationId = path.match(/^\/locations\/([^/]+)$/);
    if (method === 'DELETE' && locationId) {
      const id = decodeURIComponent(locationId[1]);
      const owned = Object.entries(locations).filter(([, l]) => l.id === id);
      if (owned.length === 0) return errorJson('NotFoundError', `No location ${id}`, 404);
      for (const [ref] of owned) {
        delete locations[ref];
        const index = entities.findIndex(e => stringifyEntityRef(e) === ref);
        if (index !== -1) entities.splice(index, 1);
      }
      return new Response(null, { status: 204 });
    }
    const byUid = path.match(/^\/entities\/by-uid\/([^/]+)$/);
    if (method === 'DELETE' && byUid) {
      const index = entities.findIndex(e => e.metadata.uid === decodeURIComponent(byUid[1]));
      if (index === -1) return errorJson('NotFoundError', 'No such entity', 404);
      entities.splice(index, 1);
      return new Response(null, { status: 204 });
    }
    if (method === 'POST' && path === '/refresh') return new Response(null, { status: 200 });
    return errorJson('NotFoundError', `No route for ${method} ${path}`, 404);
  };

  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const raw = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const request: SeenRequest = {
      method: init?.method ?? 'GET',
      url: new URL(raw),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    requests.push(request);
    const custom = options.route?.(request);
    if (custom) return custom;
    const path = request.url.pathname;
    if (path === '/api/auth/providers') return json({ providers: [{ id: 'guest' }] });
    if (path === '/api/auth/guest/refresh') {
      return json({
        profile: { displayName: 'Guest' },
        providerInfo: {},
        backstageIdentity: {
          token: 'guest-token',
          expiresInSeconds: 3600,
          identity: {
            type: 'user',
            userEntityRef: GUEST,
            ownershipEntityRefs: [GUEST, 'group:default/team-a'],
          },
        },
      });
    }
    if (path.startsWith('/api/catalog/')) return catalog(request);
    return errorJson('NotFoundError', `No route for ${path}`, 404);
  };

  /** The catalog requests seen, as method + path?query, for asserting what was asked. */
  const catalogCalls = () =>
    requests
      .filter(r => r.url.pathname.startsWith('/api/catalog/'))
      .map(r => ({
        method: r.method,
        path: r.url.pathname.slice('/api/catalog'.length),
        params: r.url.searchParams,
        body: r.body,
      }));

  return { fetch, requests, entities, catalogCalls };
}

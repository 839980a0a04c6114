import type { CompoundEntityRef, Entity } from '@greenroom/catalog-model';
import type { DiscoveryApi, FetchApi } from '@greenroom/frontend-plugin-api';
import type {
  AddLocationResponse,
  AnalyzeLocationResponse,
  CatalogApi,
  CatalogLocation,
  EntityAncestry,
  EntityFilterQuery,
  QueryEntitiesRequest,
  QueryEntitiesResponse,
} from './CatalogApi';
import { parseRef } from '../utils/entityRefs';
import { encodeFilter } from './encodeFilter';
import { responseToError } from './responseToError';

type Query = Record<string, string | number | string[] | undefined>;

function toQueryString(query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function refPath(ref: string | CompoundEntityRef): string {
  const { kind, namespace, name } = parseRef(ref);
  return [kind, namespace, name].map(encodeURIComponent).join('/');
}

/** `CatalogApi` over the catalog backend's HTTP API, as `@backstage/catalog-client` calls it. */
export class CatalogClient implements CatalogApi {
  constructor(private readonly deps: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {}

  async queryEntities(request: QueryEntitiesRequest): Promise<QueryEntitiesResponse> {
    const query: Query = { limit: request.limit, fields: request.fields?.join(',') || undefined };
    if ('cursor' in request) {
      query.cursor = request.cursor;
    } else {
      query.filter = encodeFilter(request.filter);
      query.orderField = request.orderFields?.map(({ field, order }) => `${field},${order}`);
      const term = request.fullTextFilter?.term.trim();
      if (term) {
        query.fullTextFilterTerm = term;
        query.fullTextFilterFields = request.fullTextFilter?.fields?.join(',') || undefined;
      }
    }
    return this.json<QueryEntitiesResponse>('GET', `/entities/by-query${toQueryString(query)}`);
  }

  async getEntityByRef(ref: string | CompoundEntityRef): Promise<Entity | undefined> {
    return this.jsonOrUndefined<Entity>(`/entities/by-name/${refPath(ref)}`);
  }

  async getEntitiesByRefs(request: {
    entityRefs: string[];
    fields?: string[];
  }): Promise<{ items: (Entity | null)[] }> {
    if (request.entityRefs.length === 0) return { items: [] };
    const body: { entityRefs: string[]; fields?: string[] } = { entityRefs: request.entityRefs };
    if (request.fields?.length) body.fields = request.fields;
    return this.json('POST', '/entities/by-refs', body);
  }

  async getEntityFacets(request: {
    facets: string[];
    filter?: EntityFilterQuery;
  }): Promise<{ facets: Record<string, { value: string; count: number }[]> }> {
    const query = toQueryString({ facet: request.facets, filter: encodeFilter(request.filter) });
    return this.json('GET', `/entity-facets${query}`);
  }

  async countEntities(filter?: EntityFilterQuery, fullTextFilterTerm?: string): Promise<number> {
    const response = await this.queryEntities({
      filter,
      limit: 0,
      fullTextFilter: fullTextFilterTerm ? { term: fullTextFilterTerm } : undefined,
    });
    return response.totalItems;
  }

  async getEntityAncestors(request: { entityRef: string }): Promise<EntityAncestry> {
    return this.json('GET', `/entities/by-name/${refPath(request.entityRef)}/ancestry`);
  }

  async refreshEntity(entityRef: string): Promise<void> {
    await this.request('POST', '/refresh', { entityRef });
  }

  async removeEntityByUid(uid: string): Promise<void> {
    await this.request('DELETE', `/entities/by-uid/${encodeURIComponent(uid)}`);
  }

  async getLocationByEntity(ref: string | CompoundEntityRef): Promise<CatalogLocation | undefined> {
    return this.jsonOrUndefined<CatalogLocation>(`/locations/by-entity/${refPath(ref)}`);
  }

  async removeLocationById(id: string): Promise<void> {
    await this.request('DELETE', `/locations/${encodeURIComponent(id)}`);
  }

  async addLocation(request: {
    type?: string;
    target: string;
    dryRun?: boolean;
  }): Promise<AddLocationResponse> {
    const query = request.dryRun ? '?dryRun=true' : '';
    return this.json('POST', `/locations${query}`, {
      type: request.type ?? 'url',
      target: request.target,
    });
  }

  async analyzeLocation(request: {
    location: { type: string; target: string };
    catalogFilename?: string;
  }): Promise<AnalyzeLocationResponse> {
    return this.json('POST', '/analyze-location', request);
  }

  private async jsonOrUndefined<T>(path: string): Promise<T | undefined> {
    const response = await this.send('GET', path);
    if (response.status === 404) return undefined;
    if (!response.ok) throw await responseToError(response);
    return (await response.json()) as T;
  }

  private async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.request(method, path, body);
    return (await response.json()) as T;
  }

  private async request(method: string, path: string, body?: unknown): Promise<Response> {
    const response = await this.send(method, path, body);
    if (!response.ok) throw await responseToError(response);
    return response;
  }

  private async send(method: string, path: string, body?: unknown): Promise<Response> {
    const baseUrl = await this.deps.discoveryApi.getBaseUrl('catalog');
    return this.deps.fetchApi.fetch(`${baseUrl}${path}`, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }
}

import { parseEntityRef, stringifyEntityRef } from '@greenroom/catalog-model';
import { InputError } from '@greenroom/errors';
import type { EntityOrder, FullTextFilter } from '../database/EntityQueries';
import { parseFilterParams } from '../filter/parseFilterParams';
import { parseFilterPredicate } from '../filter/parseFilterPredicate';
import type { EntityFilter } from '../filter/types';
import {
  isPlainObject,
  optionalCount,
  optionalString,
  parseFieldKey,
  parseFields,
  stringList,
} from './params';

type Query = Record<string, unknown>;

export const DEFAULT_QUERY_LIMIT = 20;
const MAX_REFS = 10_000;
const MAX_FACETS = 50;

export interface ListEntitiesInput {
  filter?: EntityFilter;
  fields?: string[];
  order: EntityOrder[];
  offset: number;
  limit?: number;
  after?: string;
}

/** `GET /entities`. */
export function parseListEntitiesQuery(query: Query): ListEntitiesInput {
  const order = stringList(query.order, 'order').map(directive => {
    const colon = directive.indexOf(':');
    const direction = directive.slice(0, colon).trim().toLowerCase();
    if (colon === -1 || (direction !== 'asc' && direction !== 'desc')) {
      throw new InputError(`Invalid order '${directive}': expected asc:<field> or desc:<field>`);
    }
    return { order: direction, field: parseFieldKey(directive.slice(colon + 1), 'order') } as const;
  });
  return {
    filter: parseFilterParams(stringList(query.filter, 'filter')),
    fields: parseFields(stringList(query.fields, 'fields')),
    order,
    offset: optionalCount(query.offset, 'offset') ?? 0,
    limit: optionalCount(query.limit, 'limit'),
    after: optionalString(query.after, 'after'),
  };
}

export type QueryEntitiesInput =
  | {
      cursor?: undefined;
      filter?: EntityFilter;
      order: EntityOrder[];
      fullText?: FullTextFilter;
      offset: number;
      limit: number;
      fields?: string[];
      totalItems: boolean;
    }
  | { cursor: string; limit?: number; fields?: string[] };

function parseTotalItems(value: unknown): boolean {
  if (value === undefined || value === 'include') return true;
  if (value === 'exclude') return false;
  throw new InputError(`Invalid totalItems: expected 'include' or 'exclude'`);
}

function parseOrderField(value: string): EntityOrder {
  const [field, direction = 'asc', ...rest] = value.split(',').map(s => s.trim());
  const order = direction.toLowerCase();
  if (rest.length > 0 || (order !== 'asc' && order !== 'desc')) {
    throw new InputError(`Invalid orderField '${value}': expected <field>,asc or <field>,desc`);
  }
  return { field: parseFieldKey(field, 'orderField'), order };
}

function parseFullText(term: string | undefined, fields: string[]): FullTextFilter | undefined {
  const trimmed = term?.trim();
  if (!trimmed) return undefined;
  const keys = fields.map(f => parseFieldKey(f, 'fullTextFilterFields'));
  return { term: trimmed.toLowerCase(), ...(keys.length > 0 && { fields: keys }) };
}

/** `GET /entities/by-query`. With `cursor`, the other query parameters are ignored except limit and fields. */
export function parseQueryEntitiesQuery(query: Query): QueryEntitiesInput {
  const fields = parseFields(stringList(query.fields, 'fields'));
  const limit = optionalCount(query.limit, 'limit');
  const cursor = optionalString(query.cursor, 'cursor');
  if (cursor !== undefined) return { cursor, limit, fields };
  return {
    filter: parseFilterParams(stringList(query.filter, 'filter')),
    order: stringList(query.orderField, 'orderField').map(parseOrderField),
    fullText: parseFullText(
      optionalString(query.fullTextFilterTerm, 'fullTextFilterTerm'),
      stringList(query.fullTextFilterFields, 'fullTextFilterFields').flatMap(f => f.split(',')),
    ),
    offset: optionalCount(query.offset, 'offset') ?? 0,
    limit: limit ?? DEFAULT_QUERY_LIMIT,
    fields,
    totalItems: parseTotalItems(query.totalItems),
  };
}

function optionalStringArray(value: unknown, name: string): string[] {
  if (value === undefined) return [];
  if (Array.isArray(value) && value.every(v => typeof v === 'string')) return value;
  throw new InputError(`Invalid ${name}: expected an array of strings`);
}

/** `POST /entities/by-query`: an initial request with a filter predicate, or a cursor. */
export function parseQueryEntitiesBody(body: unknown): QueryEntitiesInput {
  if (!isPlainObject(body)) throw new InputError('Invalid request body: expected a JSON object');
  const fields = parseFields(optionalStringArray(body.fields, 'fields'));
  const limit = optionalCount(body.limit, 'limit');
  if (body.cursor !== undefined) {
    if (typeof body.cursor !== 'string') throw new InputError('Invalid cursor: expected a string');
    return { cursor: body.cursor, limit, fields };
  }
  const orderBy = body.orderBy === undefined ? [] : body.orderBy;
  if (!Array.isArray(orderBy)) throw new InputError('Invalid orderBy: expected an array');
  const order = orderBy.map((item, i): EntityOrder => {
    const direction = isPlainObject(item) ? String(item.order ?? 'asc').toLowerCase() : '';
    if (
      !isPlainObject(item) ||
      typeof item.field !== 'string' ||
      (direction !== 'asc' && direction !== 'desc')
    ) {
      throw new InputError(`Invalid orderBy[${i}]: expected { field, order: 'asc' | 'desc' }`);
    }
    return { field: parseFieldKey(item.field, `orderBy[${i}].field`), order: direction };
  });
  let fullText: FullTextFilter | undefined;
  if (body.fullTextFilter !== undefined) {
    const given = body.fullTextFilter;
    if (!isPlainObject(given) || (given.term !== undefined && typeof given.term !== 'string')) {
      throw new InputError('Invalid fullTextFilter: expected { term: string, fields?: string[] }');
    }
    fullText = parseFullText(
      given.term as string | undefined,
      optionalStringArray(given.fields, 'fullTextFilter.fields'),
    );
  }
  return {
    filter: body.query === undefined ? undefined : parseFilterPredicate(body.query),
    order,
    fullText,
    offset: optionalCount(body.offset, 'offset') ?? 0,
    limit: limit ?? DEFAULT_QUERY_LIMIT,
    fields,
    totalItems: parseTotalItems(body.totalItems),
  };
}

function combine(
  a: EntityFilter | undefined,
  b: EntityFilter | undefined,
): EntityFilter | undefined {
  return a && b ? { allOf: [a, b] } : (a ?? b);
}

export interface ByRefsInput {
  /** Canonical lowercase refs, in request order. */
  refs: string[];
  fields?: string[];
  filter?: EntityFilter;
}

/** `POST /entities/by-refs`: `{ entityRefs, fields?, query? }` plus an optional `filter` query parameter. */
export function parseByRefsRequest(body: unknown, query: Query): ByRefsInput {
  if (!isPlainObject(body) || !Array.isArray(body.entityRefs)) {
    throw new InputError('Invalid request body: expected { entityRefs: string[] }');
  }
  if (body.entityRefs.length > MAX_REFS) {
    throw new InputError(`Invalid entityRefs: at most ${MAX_REFS} refs per request`);
  }
  const refs = body.entityRefs.map((ref, i) => {
    if (typeof ref !== 'string')
      throw new InputError(`Invalid entityRefs[${i}]: expected a string`);
    try {
      return stringifyEntityRef(parseEntityRef(ref));
    } catch (error) {
      throw new InputError(`Invalid entityRefs[${i}]: ${(error as Error).message}`);
    }
  });
  return {
    refs,
    fields: parseFields(optionalStringArray(body.fields, 'fields')),
    filter: combine(
      parseFilterParams(stringList(query.filter, 'filter')),
      body.query === undefined ? undefined : parseFilterPredicate(body.query),
    ),
  };
}

export interface FacetsInput {
  facets: string[];
  filter?: EntityFilter;
}

function checkFacets(facets: string[]): string[] {
  if (facets.length === 0) throw new InputError('Invalid facets: at least one facet is required');
  if (facets.length > MAX_FACETS)
    throw new InputError(`Invalid facets: at most ${MAX_FACETS} are allowed`);
  for (const facet of facets) parseFieldKey(facet, 'facet');
  return facets;
}

/** `GET /entity-facets?facet=…&filter=…`. */
export function parseFacetsQuery(query: Query): FacetsInput {
  return {
    facets: checkFacets(stringList(query.facet, 'facet')),
    filter: parseFilterParams(stringList(query.filter, 'filter')),
  };
}

/** `POST /entity-facets` `{ facets, query? }`. */
export function parseFacetsBody(body: unknown): FacetsInput {
  if (!isPlainObject(body)) throw new InputError('Invalid request body: expected a JSON object');
  return {
    facets: checkFacets(optionalStringArray(body.facets, 'facets')),
    filter: body.query === undefined ? undefined : parseFilterPredicate(body.query),
  };
}

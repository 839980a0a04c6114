import { InputError } from '@greenroom/errors';
import { parseFilterPredicate } from '../filter/parseFilterPredicate';
import { isCondition, type EntityFilter } from '../filter/types';
import type { LocationStore, RegisteredLocation } from './LocationStore';

const DEFAULT_LIMIT = 500;
const MAX_LIMIT = 10_000;

interface CursorState {
  query?: unknown;
  offset: number;
  limit: number;
}

function matches(filter: EntityFilter, location: RegisteredLocation): boolean {
  if ('allOf' in filter) return filter.allOf.every(f => matches(f, location));
  if ('anyOf' in filter) return filter.anyOf.some(f => matches(f, location));
  if ('not' in filter) return !matches(filter.not, location);
  if (!isCondition(filter)) return false;
  const fields: Record<string, string> = location as unknown as Record<string, string>;
  const value = fields[filter.key]?.toLowerCase();
  if (value === undefined) return false;
  if (filter.prefix !== undefined) return value.startsWith(filter.prefix);
  return !filter.values || filter.values.includes(value);
}

function readLimit(limit: unknown): number {
  if (limit === undefined) return DEFAULT_LIMIT;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 0) {
    throw new InputError('limit must be a non-negative integer');
  }
  return Math.min(limit, MAX_LIMIT);
}

function readCursor(cursor: string): CursorState {
  try {
    const state = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorState;
    if (Number.isInteger(state.offset) && state.offset >= 0) {
      return { query: state.query, offset: state.offset, limit: readLimit(state.limit) };
    }
  } catch {
    // falls through to the InputError below
  }
  throw new InputError('Invalid cursor');
}

/**
 * `POST /locations/by-query`: `{ limit?, query? }` (a filter predicate over `id`, `type`,
 * `target`, case-insensitive) or `{ cursor }`. Registered locations are few, so they are
 * filtered in memory; the cursor carries only the query and offset, which a client could
 * send itself anyway, so it is not signed (the predicate is re-parsed with the usual limits).
 */
export async function queryLocations(
  body: unknown,
  store: LocationStore,
): Promise<{ items: RegisteredLocation[]; totalItems: number; pageInfo: { nextCursor?: string } }> {
  const request = (body ?? {}) as { cursor?: unknown; limit?: unknown; query?: unknown };
  const state: CursorState =
    typeof request.cursor === 'string'
      ? readCursor(request.cursor)
      : { query: request.query, offset: 0, limit: readLimit(request.limit) };
  const filter = state.query === undefined ? undefined : parseFilterPredicate(state.query);
  const all = (await store.list()).filter(l => !filter || matches(filter, l));
  const items = all.slice(state.offset, state.offset + state.limit);
  const next = state.offset + items.length;
  const nextCursor =
    items.length > 0 && next < all.length
      ? Buffer.from(JSON.stringify({ ...state, offset: next })).toString('base64url')
      : undefined;
  return { items, totalItems: all.length, pageInfo: nextCursor ? { nextCursor } : {} };
}

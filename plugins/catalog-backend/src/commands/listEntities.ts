import type { Entity } from '@greenroom/catalog-model';
import type { EntityQueries } from '../database/EntityQueries';
import { decodeCursor, encodeCursor, type PageCursor } from '../service/cursor';
import { clampLimit, MAX_PAGE_SIZE } from '../service/params';
import { projectEntities } from '../service/presenters';
import type { ListEntitiesInput } from '../service/schema';

export interface EntityList {
  items: Entity[];
  /** Set when a `limit` cut the list short: the `after` value for the next page. */
  nextAfter?: string;
}

/** `GET /entities`: everything matching, or a page when `limit` or `after` is given. */
export async function listEntities(
  queries: EntityQueries,
  signingKey: Buffer,
  input: ListEntitiesInput,
): Promise<EntityList> {
  let state: PageCursor;
  if (input.after !== undefined) {
    const decoded = decodeCursor(signingKey, input.after);
    state = { ...decoded, limit: clampLimit(input.limit ?? decoded.limit) };
  } else {
    const limit = input.limit === undefined ? undefined : clampLimit(input.limit);
    if (limit === undefined) {
      const items = await listAll(queries, input);
      return { items: projectEntities(items, input.fields) };
    }
    state = {
      filter: input.filter,
      order: input.order,
      offset: input.offset,
      limit,
      totalItems: false,
      predicate: false,
    };
  }
  const rows = await queries.listEntities({ ...state, limit: state.limit + 1 });
  const hasMore = state.limit > 0 && rows.length > state.limit;
  return {
    items: projectEntities(rows.slice(0, state.limit), input.fields),
    nextAfter: hasMore
      ? encodeCursor(signingKey, { ...state, offset: state.offset + state.limit })
      : undefined,
  };
}

// Without a limit Backstage returns every match; read them in bounded pages.
async function listAll(queries: EntityQueries, input: ListEntitiesInput): Promise<Entity[]> {
  const all: Entity[] = [];
  for (let offset = input.offset; ; offset += MAX_PAGE_SIZE) {
    const page = await queries.listEntities({
      filter: input.filter,
      order: input.order,
      offset,
      limit: MAX_PAGE_SIZE,
    });
    all.push(...page);
    if (page.length < MAX_PAGE_SIZE) return all;
  }
}

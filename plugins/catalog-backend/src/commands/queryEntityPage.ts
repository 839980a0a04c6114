import type { Entity } from '@greenroom/catalog-model';
import type { EntityQueries } from '../database/EntityQueries';
import { decodeCursor, encodeCursor, type PageCursor } from '../service/cursor';
import { clampLimit } from '../service/params';
import { projectEntities } from '../service/presenters';
import type { QueryEntitiesInput } from '../service/schema';

export interface EntityPage {
  items: Entity[];
  totalItems: number;
  pageInfo: { nextCursor?: string; prevCursor?: string };
}

/**
 * One page of `by-query`. The cursor carries the filter, order and offset, signed, so a
 * follow-up request can not widen the query it was issued for.
 */
export async function queryEntityPage(
  queries: EntityQueries,
  signingKey: Buffer,
  input: QueryEntitiesInput,
  predicate: boolean,
): Promise<EntityPage> {
  let state: PageCursor;
  if (input.cursor !== undefined) {
    const decoded = decodeCursor(signingKey, input.cursor);
    state = { ...decoded, limit: clampLimit(input.limit ?? decoded.limit) };
  } else {
    const { filter, order, fullText, offset, limit, totalItems } = input;
    state = { filter, order, fullText, offset, limit: clampLimit(limit), totalItems, predicate };
  }
  const { filter, fullText, offset, limit } = state;
  const rows = await queries.listEntities({
    filter,
    fullText,
    order: state.order,
    offset,
    limit: limit + 1,
  });
  const hasMore = limit > 0 && rows.length > limit;
  const totalItems = state.totalItems ? await queries.countEntities({ filter, fullText }) : 0;
  const pageInfo: EntityPage['pageInfo'] = {};
  if (hasMore) pageInfo.nextCursor = encodeCursor(signingKey, { ...state, offset: offset + limit });
  if (offset > 0 && limit > 0) {
    pageInfo.prevCursor = encodeCursor(signingKey, {
      ...state,
      offset: Math.max(0, offset - limit),
    });
  }
  return { items: projectEntities(rows.slice(0, limit), input.fields), totalItems, pageInfo };
}

import { createHmac, timingSafeEqual } from 'node:crypto';
import { InputError } from '@greenroom/errors';
import type { EntityOrder, FullTextFilter } from '../database/EntityQueries';
import type { EntityFilter } from '../filter/types';

/** Everything needed to fetch the next page without trusting the client to repeat it. */
export interface PageCursor {
  filter?: EntityFilter;
  order?: EntityOrder[];
  fullText?: FullTextFilter;
  offset: number;
  /** The page size of the request that made the cursor; a follow-up may change it. */
  limit: number;
  totalItems: boolean;
  /**
   * From `POST /entities/by-query`: encoded with a `query` key, which is how catalog-client
   * decides to send the follow-up request to the POST endpoint.
   */
  predicate: boolean;
}

interface Encoded {
  query?: EntityFilter | null;
  filter?: EntityFilter | null;
  order?: EntityOrder[];
  fullText?: FullTextFilter;
  offset: number;
  limit: number;
  totalItems: boolean;
  sig?: string;
}

function sign(key: Buffer, json: string): string {
  return createHmac('sha256', key).update(json).digest('base64url');
}

/** Plain base64 JSON (catalog-client peeks into it with atob), with an HMAC over the rest. */
export function encodeCursor(key: Buffer, cursor: PageCursor): string {
  const body: Encoded = {
    ...(cursor.predicate ? { query: cursor.filter ?? null } : { filter: cursor.filter ?? null }),
    ...(cursor.order && { order: cursor.order }),
    ...(cursor.fullText && { fullText: cursor.fullText }),
    offset: cursor.offset,
    limit: cursor.limit,
    totalItems: cursor.totalItems,
  };
  const json = JSON.stringify(body);
  return Buffer.from(JSON.stringify({ ...body, sig: sign(key, json) })).toString('base64');
}

const INVALID = 'Invalid cursor: it was not issued by this catalog or was modified';

/** The cursor's contents, or InputError when it is malformed or its signature does not match. */
export function decodeCursor(key: Buffer, text: string): PageCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64').toString('utf8'));
  } catch {
    throw new InputError(INVALID);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new InputError(INVALID);
  }
  const { sig, ...body } = parsed as Encoded;
  const expected = Buffer.from(sign(key, JSON.stringify(body)));
  const given = Buffer.from(typeof sig === 'string' ? sig : '');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new InputError(INVALID);
  }
  const predicate = 'query' in body;
  return {
    filter: (predicate ? body.query : body.filter) ?? undefined,
    order: body.order,
    fullText: body.fullText,
    offset: body.offset,
    limit: body.limit,
    totalItems: body.totalItems,
    predicate,
  };
}

import { InputError } from '@greenroom/errors';

/** Largest page served; larger `limit` values are clamped to it (the rest stays reachable by cursor). */
export const MAX_PAGE_SIZE = 10_000;

/** A repeatable query parameter as a list of strings; anything else (e.g. `a[b]=c`) is refused. */
export function stringList(value: unknown, name: string): string[] {
  if (value === undefined) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every(v => typeof v === 'string')) return value;
  throw new InputError(`Invalid ${name}: expected one or more strings`);
}

/** A single-valued string parameter. */
export function optionalString(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  throw new InputError(`Invalid ${name}: expected a single string`);
}

/** A non-negative integer from a query string or a JSON body. */
export function optionalCount(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 0) {
    throw new InputError(`Invalid ${name}: expected a non-negative integer`);
  }
  return number;
}

export function clampLimit(limit: number): number {
  return Math.min(limit, MAX_PAGE_SIZE);
}

const FIELD_PATH = /^[^.\s,]+(\.[^.\s,]+)*$/;
const MAX_FIELDS = 100;

/**
 * `fields`: comma-separated and/or repeated dot paths. Empty segments (`a..b`), whitespace
 * inside a path and more than 100 paths are refused.
 */
export function parseFields(values: readonly string[], name = 'fields'): string[] | undefined {
  const paths = values
    .flatMap(v => v.split(','))
    .map(p => p.trim())
    .filter(p => p !== '');
  if (paths.length === 0) return undefined;
  if (paths.length > MAX_FIELDS) {
    throw new InputError(`Invalid ${name}: at most ${MAX_FIELDS} paths are allowed`);
  }
  for (const path of paths) {
    if (!FIELD_PATH.test(path)) throw new InputError(`Invalid ${name}: malformed path '${path}'`);
  }
  return paths;
}

/** A dot path naming an entity field in order and full-text parameters, lowercased. */
export function parseFieldKey(value: string, name: string): string {
  const key = value.trim().toLowerCase();
  if (!FIELD_PATH.test(key)) throw new InputError(`Invalid ${name}: malformed field '${value}'`);
  return key;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

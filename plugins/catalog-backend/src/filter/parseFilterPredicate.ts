import { InputError } from '@greenroom/errors';
import { MAX_FILTER_CONDITIONS, MAX_FILTER_DEPTH, type EntityFilter } from './types';

/**
 * Parses a filter predicate (`{ $all: [...] }`, `{ $any: [...] }`, `{ $not: {...} }`,
 * `{ key: value | { $exists } | { $in } | { $hasPrefix } }`) as catalog-client sends it in POST
 * bodies. `$contains` is not supported and is refused rather than silently ignored.
 */
export function parseFilterPredicate(input: unknown): EntityFilter {
  const state = { conditions: 0 };
  return parseNode(input, 0, state, 'query');
}

interface ParseState {
  conditions: number;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseNode(input: unknown, depth: number, state: ParseState, at: string): EntityFilter {
  if (depth > MAX_FILTER_DEPTH) {
    throw new InputError(`Invalid ${at}: nested deeper than ${MAX_FILTER_DEPTH} levels`);
  }
  if (!isPlainObject(input)) throw new InputError(`Invalid ${at}: expected an object`);
  const parts: EntityFilter[] = [];
  for (const [key, value] of Object.entries(input)) {
    if (key === '$all' || key === '$any') {
      if (!Array.isArray(value)) throw new InputError(`Invalid ${at}.${key}: expected an array`);
      const children = value.map((child, i) =>
        parseNode(child, depth + 1, state, `${at}.${key}[${i}]`),
      );
      parts.push(key === '$all' ? { allOf: children } : { anyOf: children });
    } else if (key === '$not') {
      parts.push({ not: parseNode(value, depth + 1, state, `${at}.$not`) });
    } else if (key.startsWith('$')) {
      throw new InputError(`Invalid ${at}: unknown operator '${key}'`);
    } else {
      state.conditions += 1;
      if (state.conditions > MAX_FILTER_CONDITIONS) {
        throw new InputError(
          `Too many filter conditions; at most ${MAX_FILTER_CONDITIONS} are allowed per request`,
        );
      }
      parts.push(parseMatcher(key.toLowerCase(), value, `${at}.${key}`));
    }
  }
  return parts.length === 1 ? parts[0] : { allOf: parts };
}

function primitive(value: unknown, at: string): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return String(value).toLowerCase();
  }
  throw new InputError(`Invalid ${at}: expected a string, number or boolean`);
}

function parseMatcher(key: string, value: unknown, at: string): EntityFilter {
  if (!key) throw new InputError(`Invalid ${at}: the key is empty`);
  if (!isPlainObject(value)) return { key, values: [primitive(value, at)] };
  const operators = Object.keys(value);
  if (operators.length !== 1) {
    throw new InputError(`Invalid ${at}: expected exactly one of $exists, $in, $hasPrefix`);
  }
  const operand = value[operators[0]];
  switch (operators[0]) {
    case '$exists':
      if (typeof operand !== 'boolean')
        throw new InputError(`Invalid ${at}.$exists: expected a boolean`);
      return operand ? { key } : { not: { key } };
    case '$in':
      if (!Array.isArray(operand)) throw new InputError(`Invalid ${at}.$in: expected an array`);
      return { key, values: operand.map((v, i) => primitive(v, `${at}.$in[${i}]`)) };
    case '$hasPrefix':
      if (typeof operand !== 'string') {
        throw new InputError(`Invalid ${at}.$hasPrefix: expected a string`);
      }
      return { key, prefix: operand.toLowerCase() };
    default:
      throw new InputError(`Invalid ${at}: unsupported operator '${operators[0]}'`);
  }
}

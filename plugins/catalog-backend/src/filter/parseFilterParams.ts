import { InputError } from '@greenroom/errors';
import { MAX_FILTER_CONDITIONS, type EntityFilter, type EntityFilterCondition } from './types';

/**
 * Parses the `filter` query parameter: each repeated parameter is one set (sets are ORed),
 * commas separate conditions inside a set (ANDed), and conditions on the same key inside one
 * set are ORed, as catalog-client encodes `{ key: [a, b] }`. Returns undefined for "no filter".
 */
export function parseFilterParams(params: readonly string[]): EntityFilter | undefined {
  const sets: EntityFilter[] = [];
  let conditionCount = 0;
  for (const param of params) {
    const byKey = new Map<string, EntityFilterCondition>();
    for (const part of param.split(',')) {
      const trimmed = part.trim();
      if (!trimmed) continue;
      conditionCount += 1;
      if (conditionCount > MAX_FILTER_CONDITIONS) {
        throw new InputError(
          `Too many filter conditions; at most ${MAX_FILTER_CONDITIONS} are allowed per request`,
        );
      }
      const equals = trimmed.indexOf('=');
      const key = (equals === -1 ? trimmed : trimmed.slice(0, equals)).trim().toLowerCase();
      if (!key) throw new InputError(`Invalid filter condition '${trimmed}': the key is empty`);
      const value =
        equals === -1
          ? undefined
          : trimmed
              .slice(equals + 1)
              .trim()
              .toLowerCase();
      mergeCondition(byKey, key, value);
    }
    const conditions = [...byKey.values()];
    if (conditions.length === 0) continue;
    sets.push(conditions.length === 1 ? conditions[0] : { allOf: conditions });
  }
  if (sets.length === 0) return undefined;
  return sets.length === 1 ? sets[0] : { anyOf: sets };
}

// "exists OR equals v" is just "exists", so an existence condition absorbs values.
function mergeCondition(
  byKey: Map<string, EntityFilterCondition>,
  key: string,
  value: string | undefined,
) {
  const existing = byKey.get(key);
  if (!existing) {
    byKey.set(key, value === undefined ? { key } : { key, values: [value] });
  } else if (value === undefined) {
    delete existing.values;
  } else if (existing.values && !existing.values.includes(value)) {
    existing.values.push(value);
  }
}

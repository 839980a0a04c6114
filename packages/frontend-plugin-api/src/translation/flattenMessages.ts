import type { NestedMessages } from './types';

/** `{ a: { b: 'x' } }` → `{ 'a.b': 'x' }`. */
export function flattenMessages(messages: NestedMessages, prefix = ''): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(messages)) {
    if (key.includes('.')) {
      throw new Error(`Invalid message key '${prefix}${key}': keys may not contain '.'`);
    }
    if (typeof value === 'string') flat[`${prefix}${key}`] = value;
    else Object.assign(flat, flattenMessages(value, `${prefix}${key}.`));
  }
  return flat;
}

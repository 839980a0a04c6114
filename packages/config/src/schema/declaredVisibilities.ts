import type { ConfigVisibility, JsonValue } from '../types';
import { isJsonObject } from '../util/json';

/** A schema path: object keys, `*` for any key, `[]` for any array item. */
export interface DeclaredVisibility {
  path: string[];
  visibility: ConfigVisibility;
}

const SAME_PATH_KEYWORDS = ['allOf', 'anyOf', 'oneOf'];
const CONDITIONAL_KEYWORDS = ['if', 'then', 'else'];

/** Resolves a local `#/...` JSON pointer against the root schema. */
export function resolveLocalRef(root: JsonValue, ref: string): JsonValue | undefined {
  if (!ref.startsWith('#')) return undefined;
  const pointer = decodeURIComponent(ref.slice(1));
  if (pointer === '') return root;
  let node: JsonValue | undefined = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) node = node[Number(key)];
    else if (isJsonObject(node)) node = node[key];
    else return undefined;
  }
  return node;
}

/**
 * Every `visibility` a schema declares, by schema path, found by walking the schema itself (not
 * data). Follows local `$ref`s and the combinators; used to find conflicting declarations and to
 * tell the visibility of keys that are absent from the data.
 */
export function declaredVisibilities(
  schema: JsonValue,
  root: JsonValue = schema,
): DeclaredVisibility[] {
  const found: DeclaredVisibility[] = [];
  const walk = (node: JsonValue | undefined, path: string[], refChain: ReadonlySet<string>) => {
    if (!isJsonObject(node)) return;
    const { visibility } = node;
    if (visibility === 'frontend' || visibility === 'backend' || visibility === 'secret') {
      found.push({ path, visibility });
    }
    if (typeof node.$ref === 'string' && !refChain.has(node.$ref)) {
      walk(resolveLocalRef(root, node.$ref), path, new Set([...refChain, node.$ref]));
    }
    if (isJsonObject(node.properties)) {
      for (const [key, child] of Object.entries(node.properties))
        walk(child, [...path, key], refChain);
    }
    if (isJsonObject(node.patternProperties)) {
      for (const child of Object.values(node.patternProperties))
        walk(child, [...path, '*'], refChain);
    }
    walk(node.additionalProperties, [...path, '*'], refChain);
    const items = Array.isArray(node.items) ? node.items : [node.items];
    for (const child of [...items, node.additionalItems]) walk(child, [...path, '[]'], refChain);
    for (const keyword of SAME_PATH_KEYWORDS) {
      const branches = node[keyword];
      if (Array.isArray(branches)) for (const branch of branches) walk(branch, path, refChain);
    }
    for (const keyword of CONDITIONAL_KEYWORDS) walk(node[keyword], path, refChain);
  };
  walk(schema, [], new Set());
  return found;
}

/**
 * The visibility a schema declares for a key path (segments of object keys and array indexes),
 * the most restrictive one when several apply; undefined when none is declared.
 */
export function declaredVisibilityAt(
  declared: readonly DeclaredVisibility[],
  segments: ReadonlyArray<string | number>,
): ConfigVisibility | undefined {
  const rank: Record<ConfigVisibility, number> = { frontend: 0, backend: 1, secret: 2 };
  let result: ConfigVisibility | undefined;
  for (const { path, visibility } of declared) {
    if (path.length !== segments.length) continue;
    const matches = path.every((part, index) => {
      const segment = segments[index];
      if (part === '[]') return typeof segment === 'number';
      return typeof segment === 'string' && (part === '*' || part === segment);
    });
    if (matches && (result === undefined || rank[visibility] > rank[result])) result = visibility;
  }
  return result;
}

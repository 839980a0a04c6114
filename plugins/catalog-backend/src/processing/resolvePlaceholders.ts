import type { UrlReaderService } from '@greenroom/backend-plugin-api';
import { parse as parseYaml } from 'yaml';
import { resolveTarget, type SourceLocation } from './locationKeys';
import { readText } from './readText';

const ABSOLUTE_URL = /^https?:\/\//i;

/** A module's resolver, bound to the reader of the entity being processed. */
export type CustomPlaceholderResolver = (
  key: string,
  value: Json,
  location: SourceLocation,
  /** Confined to `catalog.registration.fileRoots` for entities of registered locations. */
  reader: UrlReaderService,
) => Promise<Json>;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const RESOLVERS: Record<string, (text: string) => Json> = {
  text: text => text,
  // Parser messages can quote the file; ours do not.
  json: text => {
    try {
      return JSON.parse(text) as Json;
    } catch {
      throw new SyntaxError('The file is not valid JSON');
    }
  },
  yaml: text => {
    try {
      return parseYaml(text, { maxAliasCount: 100 }) as Json;
    } catch {
      throw new SyntaxError('The file is not valid YAML');
    }
  },
};

/**
 * Replaces `{ $text | $json | $yaml: <target> }` values with the content of the target, read
 * relative to `location`. Other `$`-keys are left alone (they may be JSON schema `$ref`s).
 */
export async function resolvePlaceholders(
  value: unknown,
  location: SourceLocation,
  reader: UrlReaderService,
  /** Resolvers modules added (`$key` without the `$`); they win over the built-in ones. */
  custom: ReadonlyMap<string, CustomPlaceholderResolver> = new Map(),
): Promise<unknown> {
  if (Array.isArray(value)) {
    return Promise.all(value.map(v => resolvePlaceholders(v, location, reader, custom)));
  }
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value);
  if (entries.length === 1) {
    const [key, target] = entries[0];
    const own = key.startsWith('$') ? custom.get(key.slice(1)) : undefined;
    if (own) {
      try {
        return await own(key.slice(1), target as Json, location, reader);
      } catch (error) {
        throw new Error(`Placeholder ${key} failed: ${(error as Error).message}`, { cause: error });
      }
    }
    const resolver = key.startsWith('$') ? RESOLVERS[key.slice(1)] : undefined;
    if (resolver && typeof target === 'string') {
      let text: string;
      try {
        text = await readText(
          reader,
          resolveTarget(location, target, ABSOLUTE_URL.test(target) ? 'url' : location.type),
        );
      } catch (error) {
        throw new Error(
          `Placeholder ${key} could not read '${target}': ${(error as Error).message}`,
          { cause: error },
        );
      }
      try {
        return resolver(text);
      } catch (error) {
        throw new Error(`Placeholder ${key} for '${target}': ${(error as Error).message}`, {
          cause: error,
        });
      }
    }
  }
  const result: Record<string, unknown> = {};
  for (const [key, v] of entries) {
    result[key] = await resolvePlaceholders(v, location, reader, custom);
  }
  return result;
}

import { dirname, isAbsolute, resolve } from 'node:path';
import { parseLocationRef } from '@greenroom/catalog-model';

/** A location to read: `file` (absolute path) or `url`; `key` is its `type:target` ref. */
export interface SourceLocation {
  type: 'file' | 'url';
  target: string;
  key: string;
}

const GLOB_CHARS = /[*?[\]{}]/;

export function isGlob(target: string): boolean {
  return GLOB_CHARS.test(target);
}

export function sourceLocation(type: 'file' | 'url', target: string): SourceLocation {
  return { type, target, key: `${type}:${target}` };
}

/** A `catalog.locations` entry: file targets are relative to the process working directory. */
export function staticSourceLocation(type: 'file' | 'url', target: string): SourceLocation {
  return sourceLocation(type, type === 'file' ? resolve(process.cwd(), target) : target);
}

/**
 * Where a target named inside `parent` (a Location entity's `spec.target`, a `$text`
 * placeholder) points: relative paths and URLs resolve against the parent file.
 */
export function resolveTarget(
  parent: SourceLocation,
  target: string,
  type: string = parent.type,
): SourceLocation {
  if (type !== 'file' && type !== 'url') {
    throw new TypeError(`Unsupported location type '${type}' (use file or url)`);
  }
  if (type === 'url') {
    const base = parent.type === 'url' ? parent.target : undefined;
    let url: URL;
    try {
      url = new URL(target, base);
    } catch {
      throw new TypeError('Invalid url target; it must be an absolute http(s) URL');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new TypeError(`Unsupported url protocol '${url.protocol}'`);
    }
    return sourceLocation('url', url.toString());
  }
  if (parent.type !== 'file' && !isAbsolute(target)) {
    throw new TypeError('A relative file target needs a file location as its parent');
  }
  return sourceLocation('file', resolve(dirname(parent.target), target));
}

/** The location a `type:target` annotation names, if it is one this engine reads. */
export function parseSourceKey(key: string): SourceLocation | undefined {
  try {
    const { type, target } = parseLocationRef(key);
    return type === 'file' || type === 'url' ? sourceLocation(type, target) : undefined;
  } catch {
    return undefined;
  }
}

import { realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Config } from '@greenroom/config';
import { InputError } from '@greenroom/errors';

/** Reads `catalog.registration.fileRoots` (none by default: `file` registration is refused). */
export function readFileRoots(config: Config): string[] {
  return (config.getOptionalStringArray('catalog.registration.fileRoots') ?? []).map(root =>
    resolve(process.cwd(), root),
  );
}

// A target that does not exist yet still gets its directory's symlinks resolved.
async function realOrSelf(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    try {
      return join(await realpath(dirname(path)), basename(path));
    } catch {
      return path;
    }
  }
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** Whether `path`, with `..` and symlinks resolved, lies inside one of `fileRoots`. */
export async function isInsideFileRoots(
  path: string,
  fileRoots: readonly string[],
): Promise<boolean> {
  const real = await realOrSelf(resolve(path));
  for (const root of fileRoots) {
    if (isInside(await realOrSelf(root), real)) return true;
  }
  return false;
}

/**
 * Checks a `{ type, target }` sent to `POST /locations` and returns it normalised: `url`
 * targets must be http(s) URLs (the urlReader then applies `backend.reading.allow`); `file`
 * targets must be absolute and, after resolving `..` and symlinks, inside a file root.
 */
export async function normaliseRegistration(
  body: unknown,
  fileRoots: readonly string[],
): Promise<{ type: 'file' | 'url'; target: string }> {
  const { type, target } = (body ?? {}) as { type?: unknown; target?: unknown };
  if (typeof target !== 'string' || target.trim() === '') {
    throw new InputError('Location target must be a non-empty string');
  }
  if (target.includes('\0')) throw new InputError('Location target must not contain NUL');
  if (type === undefined || type === 'url') {
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      throw new InputError('The given location.target is not a URL');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new InputError('url locations must be http(s) URLs');
    }
    return { type: 'url', target: url.toString() };
  }
  if (type !== 'file') {
    throw new InputError(`Location type '${String(type)}' is not supported (use url or file)`);
  }
  if (fileRoots.length === 0) {
    throw new InputError(
      'Registering file locations is disabled; list the allowed directories in catalog.registration.fileRoots',
    );
  }
  if (!isAbsolute(target)) throw new InputError('file location targets must be absolute paths');
  const path = await realOrSelf(resolve(target));
  if (await isInsideFileRoots(path, fileRoots)) return { type: 'file', target: path };
  throw new InputError(
    'file location is outside the directories listed in catalog.registration.fileRoots',
  );
}

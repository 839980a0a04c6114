import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '@greenroom/errors';

export type ReadTarget = { kind: 'file'; path: string } | { kind: 'http'; url: URL };

// `new URL('file:x')` quietly becomes file:///x, so the raw text decides what is absolute.
const ABSOLUTE_FILE_URL = /^file:\/\/(localhost)?\//i;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/**
 * Decides what a caller asked to read: an absolute path, an absolute `file://` URL or an
 * http(s) URL. Anything else is an InputError; relative paths are never resolved against the cwd.
 */
export function parseReadTarget(target: string): ReadTarget {
  if (typeof target !== 'string' || target === '') {
    throw new InputError('A URL or absolute path to read is required');
  }
  if (target.includes('\0'))
    throw new InputError('Paths and URLs to read must not contain NUL characters');
  const scheme = SCHEME.exec(target)?.[1]?.toLowerCase();
  if (scheme === 'file') {
    // Not echoed: a malformed file URL may carry user:password@host.
    if (!ABSOLUTE_FILE_URL.test(target)) {
      throw new InputError('Only absolute file URLs on this host (file:///path) can be read');
    }
    try {
      return { kind: 'file', path: fileURLToPath(new URL(target)) };
    } catch (error) {
      throw new InputError(`Invalid file URL: ${(error as Error).message}`);
    }
  }
  if (scheme === 'http' || scheme === 'https') {
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      throw new InputError(`Invalid ${scheme} URL`);
    }
    return { kind: 'http', url };
  }
  if (isAbsolute(target)) return { kind: 'file', path: resolve(target) };
  if (scheme) {
    throw new InputError(
      `Unsupported URL scheme '${scheme}:'; use http(s), file:// or an absolute path`,
    );
  }
  // Not echoed either: without a scheme we cannot tell which part might be a secret.
  throw new InputError('Paths to read must be absolute (or be a file:// or http(s) URL)');
}

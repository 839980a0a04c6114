import { relative, sep } from 'node:path';
import { ASSETS_DIR } from './parseRequestPath';

/** Files under assets/ carry a content hash in their name, so a URL never changes content. */
export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
/** Pages name the current hashed files (and carry the config): always revalidate. */
export const CACHE_REVALIDATE = 'no-cache';
/** Unhashed files (favicon, robots.txt, manifest) may change on a deploy. */
export const CACHE_SHORT = 'public, max-age=600';
/** Answers that must never be stored (refusals of protected files). */
export const CACHE_NONE = 'no-store';

/**
 * Behind the user cookie, the same rules but `private`: a shared cache (CDN, proxy) must not
 * keep a protected file and hand it to someone without the cookie.
 */
export function privately(cacheControl: string): string {
  return cacheControl.startsWith('public, ')
    ? `private, ${cacheControl.slice('public, '.length)}`
    : `private, ${cacheControl}`;
}

/** The Cache-Control of a file served from a bundle directory. */
export function cacheControlForFile(bundleDir: string, filePath: string): string {
  const segments = relative(bundleDir, filePath).split(sep);
  if (segments.length > 1 && segments[0] === ASSETS_DIR) return CACHE_IMMUTABLE;
  if (/\.html?$/i.test(filePath)) return CACHE_REVALIDATE;
  return CACHE_SHORT;
}

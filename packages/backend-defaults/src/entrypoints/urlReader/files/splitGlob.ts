import { isDynamicPattern } from 'tinyglobby';

/**
 * Splits an absolute path into the directory before its first glob segment and the pattern
 * after it (`/repo/**\/x.yaml` → `/repo` + `**\/x.yaml`), so the crawl starts as deep as it can.
 * `pattern` is undefined when the path has no glob at all.
 */
export function splitGlob(path: string): { base: string; pattern?: string } {
  const segments = path.split('/');
  const first = segments.findIndex(segment => isDynamicPattern(segment));
  if (first === -1) return { base: path };
  return {
    base: segments.slice(0, first).join('/') || '/',
    pattern: segments.slice(first).join('/'),
  };
}

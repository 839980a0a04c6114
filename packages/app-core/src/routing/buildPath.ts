/** Fills `:param` segments of `path` from `params`, URL-encoding each value. */
export function buildPath(path: string, params: Record<string, string> | undefined): string {
  return path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === '') {
      throw new Error(`Missing value for route param ':${name}' of '${path}'`);
    }
    return encodeURIComponent(value);
  });
}

/** Joins path segments with single slashes: `('/catalog', '/:name')` → `/catalog/:name`. */
export function joinPaths(...parts: string[]): string {
  const joined = parts
    .join('/')
    .replace(/\/{2,}/g, '/')
    .replace(/(.)\/$/, '$1');
  return joined.startsWith('/') ? joined : `/${joined}`;
}

/** True for a string that is exactly an origin (`scheme://host[:port]`, nothing after). */
function isOrigin(value: string): boolean {
  try {
    return new URL(value).origin === value;
  } catch {
    return false;
  }
}

function globToRegExp(glob: string): RegExp {
  const body = glob
    .split('*')
    .map(part => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]*');
  return new RegExp(`^${body}$`);
}

/**
 * Which origins may start a sign-in and receive its result: the origin of `app.baseUrl`, plus
 * `auth.experimentalExtraAllowedOrigins` globs (`*` never crosses a `/`).
 */
export function createOriginFilter(
  appUrl: string,
  extraGlobs: string[],
): (origin: string) => boolean {
  const appOrigin = new URL(appUrl).origin;
  const patterns = extraGlobs.map(globToRegExp);
  return origin =>
    isOrigin(origin) && (origin === appOrigin || patterns.some(pattern => pattern.test(origin)));
}

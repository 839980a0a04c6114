import type { ProxyEndpoint } from '../config/types';

/**
 * The endpoint whose route is a segment-wise prefix of `path` (relative to the mount), the
 * longest one first so `/a/b` wins over `/a`. Case-insensitive, like express routing.
 */
export function createEndpointMatcher(
  endpoints: readonly ProxyEndpoint[],
): (path: string) => ProxyEndpoint | undefined {
  const byLength = [...endpoints].sort((a, b) => b.route.length - a.route.length);
  return path => {
    const lower = path.toLowerCase();
    return byLength.find(endpoint => {
      const route = endpoint.route.toLowerCase();
      return lower === route || lower.startsWith(`${route}/`);
    });
  };
}

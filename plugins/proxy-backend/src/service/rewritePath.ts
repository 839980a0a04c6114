import type { ProxyEndpoint } from '../config/types';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The path and query to request upstream. `originalUrl` is the full incoming path with its
 * query (`/api/proxy/github/repos?x=1`), which is what `pathRewrite` keys match against; the
 * first matching rule applies. The default rule strips the mount path and the route. The
 * result is appended to the target's own path.
 */
export function rewritePath(
  originalUrl: string,
  mountPath: string,
  endpoint: ProxyEndpoint,
): string {
  const rules = endpoint.pathRewrite ?? [
    {
      pattern: new RegExp(`^${escapeRegExp(mountPath + endpoint.route)}/?`, 'i'),
      replacement: '/',
    },
  ];
  let rewritten = originalUrl;
  for (const rule of rules) {
    if (rule.pattern.test(originalUrl)) {
      rewritten = originalUrl.replace(rule.pattern, rule.replacement);
      break;
    }
  }
  const base = endpoint.target.pathname.replace(/\/+$/, '');
  if (rewritten === '' || rewritten.startsWith('?')) return `${base || '/'}${rewritten}`;
  return `${base}/${rewritten.replace(/^\/+/, '')}`;
}

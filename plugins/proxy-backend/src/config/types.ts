/** Who may call an endpoint, and whether their `Authorization` header travels upstream. */
export type CredentialsPolicy = 'require' | 'forward' | 'dangerously-allow-unauthenticated';

export const CREDENTIALS_POLICIES: readonly CredentialsPolicy[] = [
  'require',
  'forward',
  'dangerously-allow-unauthenticated',
];

/** One `pathRewrite` rule: the pattern is matched against the full request path and query. */
export interface PathRewriteRule {
  pattern: RegExp;
  replacement: string;
}

/** A validated proxy endpoint, ready to serve. */
export interface ProxyEndpoint {
  /** Relative to the plugin mount, with a leading slash and no trailing one: `/github`. */
  route: string;
  target: URL;
  /** Rewrite `Host` to the target's host (default true). */
  changeOrigin: boolean;
  /** Undefined means the default: strip the mount path and route. */
  pathRewrite?: PathRewriteRule[];
  /** Added to every upstream request; values may be secrets and are never logged. */
  headers: Record<string, string>;
  /** Upper-case; undefined allows every method. */
  allowedMethods?: string[];
  /** Lower-case extra header names passed through in both directions. */
  allowedHeaders: string[];
  credentials: CredentialsPolicy;
  /** Upstream inactivity limit in milliseconds. */
  timeoutMs: number;
}

import type { JsonObject, JsonValue } from '@greenroom/config';
import type { CredentialsPolicy, PathRewriteRule, ProxyEndpoint } from './types';
import { CREDENTIALS_POLICIES } from './types';

export const DEFAULT_TIMEOUT_MS = 60_000;

// Literal paths only: the route also becomes an auth policy path, where patterns mean something.
const LITERAL_ROUTE = /^(\/[\w\-.~%@]+)+$/;
const TARGET_PROTOCOLS = new Set(['http:', 'https:', 'ws:', 'wss:']);

type Parsed = { endpoint: ProxyEndpoint } | { problem: string };

function typeOf(value: JsonValue | undefined): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeOf(value) === 'object';
}

function stringList(value: JsonValue | undefined, name: string): string[] | string | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some(item => typeof item !== 'string')) {
    return `${name} must be a list of strings`;
  }
  return value as string[];
}

function stringMap(value: JsonValue | undefined, name: string): Record<string, string> | string {
  if (value === undefined) return {};
  if (!isObject(value) || Object.values(value).some(item => typeof item !== 'string')) {
    return `${name} must be an object of strings`;
  }
  return value as Record<string, string>;
}

function parseTarget(value: JsonValue | undefined): URL | string {
  if (typeof value !== 'string') return `target must be a string, but is of type ${typeOf(value)}`;
  // The value itself stays out of the message: a URL can carry credentials.
  if (!URL.canParse(value)) return 'target is not a valid URL';
  const url = new URL(value);
  if (!TARGET_PROTOCOLS.has(url.protocol)) {
    return `target must use http, https, ws or wss, not ${url.protocol}`;
  }
  return url;
}

function parsePathRewrite(value: JsonValue | undefined): PathRewriteRule[] | string | undefined {
  if (value === undefined) return undefined;
  const map = stringMap(value, 'pathRewrite');
  if (typeof map === 'string') return map;
  const rules: PathRewriteRule[] = [];
  for (const [pattern, replacement] of Object.entries(map)) {
    try {
      rules.push({ pattern: new RegExp(pattern), replacement });
    } catch {
      return `pathRewrite key ${JSON.stringify(pattern)} is not a valid regular expression`;
    }
  }
  return rules;
}

function parseTimeout(options: JsonObject): number | string {
  const value = options.timeout ?? options.proxyTimeout;
  if (value === undefined) return DEFAULT_TIMEOUT_MS;
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    return 'timeout must be a positive whole number of milliseconds';
  }
  return value;
}

/** Validates one endpoint: the string shorthand or the object form. */
export function parseEndpoint(route: string, value: JsonValue | undefined): Parsed {
  if (!LITERAL_ROUTE.test(route)) {
    return { problem: 'the route must be a literal path such as /github' };
  }
  const options: JsonObject =
    typeof value === 'string' ? { target: value } : isObject(value) ? value : {};
  if (typeof value !== 'string' && !isObject(value)) {
    return { problem: `must be a target URL or an object, but is of type ${typeOf(value)}` };
  }

  const target = parseTarget(options.target);
  const pathRewrite = parsePathRewrite(options.pathRewrite);
  const headers = stringMap(options.headers, 'headers');
  const allowedMethods = stringList(options.allowedMethods, 'allowedMethods');
  const allowedHeaders = stringList(options.allowedHeaders, 'allowedHeaders');
  const timeoutMs = parseTimeout(options);
  const credentials = options.credentials ?? 'require';
  const changeOrigin = options.changeOrigin ?? true;

  for (const checked of [target, pathRewrite, headers, allowedMethods, allowedHeaders, timeoutMs]) {
    if (typeof checked === 'string') return { problem: checked };
  }
  if (!CREDENTIALS_POLICIES.includes(credentials as CredentialsPolicy)) {
    return {
      problem: `unknown credentials policy ${JSON.stringify(credentials)}; expected one of ${CREDENTIALS_POLICIES.map(p => `'${p}'`).join(', ')}`,
    };
  }
  if (typeof changeOrigin !== 'boolean') return { problem: 'changeOrigin must be a boolean' };

  return {
    endpoint: {
      route,
      target: target as URL,
      changeOrigin,
      pathRewrite: pathRewrite as PathRewriteRule[] | undefined,
      headers: headers as Record<string, string>,
      allowedMethods: (allowedMethods as string[] | undefined)?.map(m => m.toUpperCase()),
      allowedHeaders: ((allowedHeaders as string[] | undefined) ?? []).map(h => h.toLowerCase()),
      credentials: credentials as CredentialsPolicy,
      timeoutMs: timeoutMs as number,
    },
  };
}

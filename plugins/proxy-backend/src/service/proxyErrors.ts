import type { ErrorResponseBody } from '@greenroom/errors';

/** Statuses only the proxy produces; no typed error in @greenroom/errors stands for them. */
export const PROXY_ERRORS = {
  methodNotAllowed: { statusCode: 405, name: 'MethodNotAllowedError' },
  badGateway: { statusCode: 502, name: 'BadGatewayError' },
  gatewayTimeout: { statusCode: 504, name: 'GatewayTimeoutError' },
} as const;

export type ProxyErrorKind = keyof typeof PROXY_ERRORS;

/**
 * Backstage's error body for a proxy failure. Rendered here rather than thrown, because the
 * backend's error handler hides the message of untyped 5xx errors in production, and "the
 * upstream timed out" is exactly what the caller needs to read.
 */
export function proxyErrorBody(
  kind: ProxyErrorKind,
  message: string,
  request: { method: string; url: string },
): ErrorResponseBody {
  const { statusCode, name } = PROXY_ERRORS[kind];
  return { error: { name, message }, request, response: { statusCode } };
}

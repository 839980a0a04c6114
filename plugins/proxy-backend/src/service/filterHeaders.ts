import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import type { ProxyEndpoint } from '../config/types';

/** Headers that pass in both directions for every endpoint (Backstage's safe set). */
export const SAFE_HEADERS: readonly string[] = [
  'cache-control',
  'content-language',
  'content-length',
  'content-type',
  'expires',
  'last-modified',
  'pragma',
  'host',
  'accept',
  'accept-language',
  'user-agent',
];

// The body bytes pass through untouched, so their encoding must travel with them.
const SAFE_RESPONSE_EXTRA = ['content-encoding'];

/** What a websocket handshake needs on top of the safe set, in each direction. */
const WEBSOCKET_REQUEST = [
  'connection',
  'upgrade',
  'sec-websocket-key',
  'sec-websocket-version',
  'sec-websocket-extensions',
  'sec-websocket-protocol',
];
const WEBSOCKET_RESPONSE = [
  'connection',
  'upgrade',
  'sec-websocket-accept',
  'sec-websocket-extensions',
  'sec-websocket-protocol',
];

function pick(headers: IncomingHttpHeaders, allowed: Set<string>): OutgoingHttpHeaders {
  const result: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && allowed.has(name)) result[name] = value;
  }
  return result;
}

/**
 * The headers sent upstream: an allow-list (safe set, configured header names, `allowedHeaders`,
 * `authorization` only for `forward`), then the configured `headers` on top. Everything else,
 * cookies and hop-by-hop headers included, stays behind.
 */
export function filterRequestHeaders(
  incoming: IncomingHttpHeaders,
  endpoint: ProxyEndpoint,
  options: { websocket?: boolean } = {},
): OutgoingHttpHeaders {
  const allowed = new Set([
    ...SAFE_HEADERS,
    ...Object.keys(endpoint.headers).map(h => h.toLowerCase()),
    ...endpoint.allowedHeaders,
    ...(endpoint.credentials === 'forward' ? ['authorization'] : []),
    ...(options.websocket ? WEBSOCKET_REQUEST : []),
  ]);
  const result = pick(incoming, allowed);
  if (endpoint.changeOrigin || result.host === undefined) result.host = endpoint.target.host;
  for (const [name, value] of Object.entries(endpoint.headers)) {
    result[name.toLowerCase()] = value;
  }
  return result;
}

/** The upstream response headers returned to the caller: the safe set plus `allowedHeaders`. */
export function filterResponseHeaders(
  incoming: IncomingHttpHeaders,
  endpoint: ProxyEndpoint,
  options: { websocket?: boolean } = {},
): OutgoingHttpHeaders {
  const allowed = new Set([
    ...SAFE_HEADERS,
    ...SAFE_RESPONSE_EXTRA,
    ...endpoint.allowedHeaders,
    ...(options.websocket ? WEBSOCKET_RESPONSE : []),
  ]);
  allowed.delete('host');
  return pick(incoming, allowed);
}

import type { Config } from '@greenroom/config';

/** Where the HTTP server listens. An empty host means every interface. */
export interface ListenOptions {
  host: string;
  port: number;
}

export const DEFAULT_PORT = 7007;

function unparsable(value: unknown): Error {
  return new Error(
    `Unable to parse listen address ${JSON.stringify(value)} in backend.listen; ` +
      'use "<port>", "<host>:<port>" or { host, port }',
  );
}

function parsePort(value: unknown, original: unknown): number {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !/^\d{1,5}$/.test(text.trim())) throw unparsable(original);
  const port = Number(text);
  if (port > 65535) throw unparsable(original);
  return port;
}

function parseListenString(value: string): ListenOptions {
  const text = value.trim();
  if (/^\d+$/.test(text)) return { host: '', port: parsePort(text, value) };
  // `[::1]:7007` for IPv6, `host:7007` otherwise; the host itself may contain no further colon.
  const match = /^(?:\[([^\]]*)\]|([^:[\]]*)):(\d+)$/.exec(text);
  if (!match) throw unparsable(value);
  return { host: match[1] ?? match[2], port: parsePort(match[3], value) };
}

/** Reads `backend.listen`: a `"<port>"` or `"<host>:<port>"` string, or `{ host, port }`. */
export function readListenOptions(config: Config): ListenOptions {
  const listen = config.getOptional('backend.listen');
  if (listen === undefined) return { host: '', port: DEFAULT_PORT };
  if (typeof listen === 'number') return { host: '', port: parsePort(listen, listen) };
  if (typeof listen === 'string') return parseListenString(listen);
  if (typeof listen !== 'object' || listen === null || Array.isArray(listen)) {
    throw unparsable(listen);
  }
  const { host = '', port = DEFAULT_PORT } = listen as { host?: unknown; port?: unknown };
  if (typeof host !== 'string') throw unparsable(listen);
  return { host: host.trim(), port: parsePort(port, listen) };
}

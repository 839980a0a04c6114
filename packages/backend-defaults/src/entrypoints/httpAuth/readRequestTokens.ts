import type { Request } from 'express';

const BEARER = /^Bearer[ ]+(\S+)$/i;

/** The bearer token of a request; `malformed` when an Authorization header is there but is not one. */
export function readBearerToken(req: Request): { token?: string; malformed: boolean } {
  const header = req.headers.authorization;
  if (!header) return { malformed: false };
  const match = BEARER.exec(header);
  return match ? { token: match[1], malformed: false } : { malformed: true };
}

/**
 * Every value of the named cookie, most specific path first as browsers send them. Several
 * can arrive when an older cookie with a wider path exists next to the plugin's own.
 */
export function readCookieValues(req: Request, name: string): string[] {
  const header = req.headers.cookie;
  if (!header) return [];
  const values: string[] = [];
  for (const pair of header.split(';')) {
    const at = pair.indexOf('=');
    if (at === -1 || pair.slice(0, at).trim() !== name) continue;
    let value = pair.slice(at + 1).trim();
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      values.push(decodeURIComponent(value));
    } catch {
      // A value that is not valid percent-encoding cannot be one of ours.
    }
  }
  return values;
}

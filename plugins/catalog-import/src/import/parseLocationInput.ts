/** What the catalog can register: a URL it reads, or a file on the backend's disk. */
export interface ImportLocation {
  type: 'url' | 'file';
  target: string;
}

export type LocationInputProblem =
  | { reason: 'empty' }
  | { reason: 'notUrlOrPath' }
  | { reason: 'unsupportedProtocol'; protocol: string };

export type ParsedLocationInput =
  { ok: true; location: ImportLocation } | ({ ok: false } & LocationInputProblem);

// Two letters at least: `C:\x.yaml` is a Windows path, not a URL.
const SCHEME = /^[a-z][a-z0-9+.-]+:/i;

/**
 * Checks what the user typed before anything is sent: an http(s) URL, or an absolute POSIX
 * path (the backend confines those to `catalog.registration.fileRoots`). `file://` URLs are
 * taken as the path they name.
 */
export function parseLocationInput(raw: string): ParsedLocationInput {
  const input = raw.trim();
  if (input === '') return { ok: false, reason: 'empty' };
  if (input.startsWith('/')) {
    if (input.startsWith('//') || input.includes('\0'))
      return { ok: false, reason: 'notUrlOrPath' };
    return { ok: true, location: { type: 'file', target: input } };
  }
  if (!SCHEME.test(input)) return { ok: false, reason: 'notUrlOrPath' };
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return { ok: false, reason: 'notUrlOrPath' };
  }
  if (url.protocol === 'file:') {
    if (url.host !== '') return { ok: false, reason: 'notUrlOrPath' };
    return { ok: true, location: { type: 'file', target: decodeURIComponent(url.pathname) } };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, reason: 'unsupportedProtocol', protocol: url.protocol.slice(0, -1) };
  }
  if (url.hostname === '') return { ok: false, reason: 'notUrlOrPath' };
  return { ok: true, location: { type: 'url', target: url.toString() } };
}

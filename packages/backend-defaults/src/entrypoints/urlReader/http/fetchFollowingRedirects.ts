import { describeUrl } from '../describeUrl';
import type { ReadingAllowList } from './ReadingAllowList';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export interface FetchFollowingRedirectsOptions {
  allowList: ReadingAllowList;
  headers: Headers;
  /** Sent only to the origin of the first URL, never to where it redirects elsewhere. */
  authorization?: string;
  maxRedirects: number;
  signal: AbortSignal;
}

/**
 * GETs `url`, following redirects by hand so each hop is checked against the allow-list before
 * anything is sent to it: an allowed host cannot bounce the reader to a disallowed one.
 */
export async function fetchFollowingRedirects(
  url: URL,
  options: FetchFollowingRedirectsOptions,
): Promise<Response> {
  let current = url;
  let previous: URL | undefined;
  for (let redirects = 0; ; redirects++) {
    options.allowList.assertAllowed(current, previous);
    const headers = new Headers(options.headers);
    if (options.authorization && current.origin === url.origin) {
      headers.set('authorization', options.authorization);
    }
    const response = await fetchOnce(withoutCredentials(current), headers, options.signal);
    if (!REDIRECT_STATUSES.has(response.status)) return response;
    await response.body?.cancel();
    const location = response.headers.get('location');
    if (!location) {
      throw new Error(
        `Could not read '${describeUrl(current)}': HTTP ${response.status} redirect without a location`,
      );
    }
    if (redirects >= options.maxRedirects) {
      throw new Error(
        `Could not read '${describeUrl(url)}': more than ${options.maxRedirects} redirects`,
      );
    }
    let next: URL;
    try {
      next = new URL(location, current);
    } catch {
      throw new Error(`Could not read '${describeUrl(current)}': it redirects to an invalid URL`);
    }
    previous = current;
    current = next;
  }
}

async function fetchOnce(url: URL, headers: Headers, signal: AbortSignal): Promise<Response> {
  try {
    return await fetch(url, { headers, redirect: 'manual', signal });
  } catch (error) {
    if (signal.aborted) throw error;
    // fetch says only "fetch failed"; the cause has the useful part (ECONNREFUSED, DNS, TLS).
    const cause = (error as Error).cause;
    const reason = cause instanceof Error ? cause.message : (error as Error).message;
    throw new Error(`Could not read '${describeUrl(url)}': ${reason}`, { cause: error });
  }
}

// fetch refuses URLs with user:password; they travel as an Authorization header instead.
function withoutCredentials(url: URL): URL {
  if (!url.username && !url.password) return url;
  const stripped = new URL(url.href);
  stripped.username = '';
  stripped.password = '';
  return stripped;
}

import type { DiscoveryApi } from '@greenroom/frontend-plugin-api';
import { errorFrom } from './authRequests';

// The app plugin's user cookie (ref-backend §2.6, §4.4): with a public bundle, the backend
// serves the full app only to browsers that hold it.

const COOKIE_PATH = '/.backstage/auth/v1/cookie';

/** The meta tag the build puts into index.html when the app has a public sign-in bundle. */
export const APP_MODE_META = 'greenroom-app-mode';

/**
 * `public`: the sign-in bundle served before sign-in; `protected`: the full app behind the
 * cookie; `open`: a build without a public bundle (and the dev server), no cookie involved.
 */
export type AppMode = 'public' | 'protected' | 'open';

export function readAppMode(document: Document): AppMode {
  const content = document.querySelector(`meta[name="${APP_MODE_META}"]`)?.getAttribute('content');
  return content === 'public' || content === 'protected' ? content : 'open';
}

/** Exchanges a user token for the app's cookie; resolves with its expiry (epoch ms). */
export async function issueAppCookie(
  discovery: DiscoveryApi,
  token: string,
): Promise<{ expiresAt: number }> {
  const url = `${await discovery.getBaseUrl('app')}${COOKIE_PATH}`;
  const response = await fetch(url, {
    headers: { Authorization: `Bearer ${token}` },
    credentials: 'include',
  });
  if (!response.ok) throw await errorFrom(response, url);
  const body = (await response.json()) as { expiresAt?: unknown };
  const expiresAt = typeof body.expiresAt === 'string' ? Date.parse(body.expiresAt) : NaN;
  if (Number.isNaN(expiresAt)) throw new Error(`${url} answered without a valid expiresAt`);
  return { expiresAt };
}

/** Clears the app's cookie; the next page load gets the public bundle. */
export async function clearAppCookie(discovery: DiscoveryApi): Promise<void> {
  const url = `${await discovery.getBaseUrl('app')}${COOKIE_PATH}`;
  const response = await fetch(url, { method: 'DELETE', credentials: 'include' });
  if (!response.ok) throw await errorFrom(response, url);
}

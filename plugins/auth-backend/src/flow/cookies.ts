import type { Request } from 'express';

/** The request's cookies by name (the first one wins when a name repeats). */
export function readCookies(req: Request): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    if (name in cookies) continue;
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      cookies[name] = decodeURIComponent(value);
    } catch {
      cookies[name] = value;
    }
  }
  return cookies;
}

/** Attributes shared by every cookie one provider sets. */
export interface ProviderCookieSettings {
  /** The callback URL path without `/handler/frame`, e.g. `/api/auth/oidc`. */
  path: string;
  secure: boolean;
  sameSite: 'lax' | 'none';
}

/**
 * Cookie attributes from the callback URL: secure on https, SameSite=None only when the app is
 * on another host and the connection is secure (a cross-site popup must still see the cookie).
 */
export function providerCookieSettings(
  callbackUrl: string,
  appUrl: string,
): ProviderCookieSettings {
  const callback = new URL(callbackUrl);
  const secure = callback.protocol === 'https:';
  const crossSite = new URL(appUrl).hostname !== callback.hostname;
  return {
    path: callback.pathname.replace(/\/handler\/frame\/?$/, '') || '/',
    secure,
    sameSite: secure && crossSite ? 'none' : 'lax',
  };
}

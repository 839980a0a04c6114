import type { DiscoveryApi } from '@greenroom/frontend-plugin-api';
import { useEffect } from 'react';
import type { AuthSessionManager } from './AuthSessionManager';
import { AuthRequestError } from './authRequests';
import { issueAppCookie } from './appCookie';

const MINUTE = 60 * 1000;
/** Retry after a failed refresh (the backend restarting, a network blip). */
const RETRY_MS = MINUTE;

/**
 * While signed in to the full app in protected mode, keeps the app's cookie fresh: issued at
 * once, then again a few minutes before it expires (a random 1–4 minutes, so tabs spread out),
 * each time with a current user token. Without it, lazy chunks would fail after an hour.
 */
export function useAppCookieRefresh(options: {
  enabled: boolean;
  sessions: AuthSessionManager;
  discovery: DiscoveryApi;
}) {
  const { enabled, sessions, discovery } = options;
  useEffect(() => {
    if (!enabled) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const schedule = (delay: number) => {
      if (!stopped) timer = setTimeout(() => void refresh(), Math.max(0, delay));
    };
    const refresh = async () => {
      try {
        const { token } = await sessions.getCredentials();
        if (!token || stopped) return; // signed out: the gate leaves for the public bundle
        const { expiresAt } = await issueAppCookie(discovery, token);
        schedule(expiresAt - Date.now() - MINUTE * (1 + Math.random() * 3));
      } catch (error) {
        // 404: this backend has no cookie endpoint for the app; nothing to keep fresh.
        if (error instanceof AuthRequestError && error.status === 404) return;
        schedule(RETRY_MS);
      }
    };
    void refresh();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [enabled, sessions, discovery]);
}

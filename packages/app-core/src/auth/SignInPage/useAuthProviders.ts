import { discoveryApiRef, useApi } from '@greenroom/frontend-plugin-api';
import { useCallback, useEffect, useState } from 'react';
import { AuthRequestError, fetchAuthProviders } from '../authRequests';

export type AuthProvidersState =
  | { status: 'loading' }
  | { status: 'loaded'; providers: string[] }
  | { status: 'not-found'; url: string }
  | { status: 'failed'; url: string; message: string };

/** The sign-in providers the backend has enabled, and a way to ask again. */
export function useAuthProviders(): { state: AuthProvidersState; reload(): void } {
  const discovery = useApi(discoveryApiRef);
  const [state, setState] = useState<AuthProvidersState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setState({ status: 'loading' });
    (async () => {
      const authBaseUrl = await discovery.getBaseUrl('auth');
      const url = `${authBaseUrl}/providers`;
      try {
        const providers = await fetchAuthProviders(authBaseUrl);
        if (!cancelled) setState({ status: 'loaded', providers });
      } catch (error) {
        if (cancelled) return;
        if (error instanceof AuthRequestError && error.status === 404) {
          setState({ status: 'not-found', url });
        } else {
          setState({ status: 'failed', url, message: (error as Error).message });
        }
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [discovery, attempt]);

  const reload = useCallback(() => setAttempt(n => n + 1), []);
  return { state, reload };
}

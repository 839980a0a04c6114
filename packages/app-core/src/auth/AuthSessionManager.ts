import type {
  BackstageUserIdentity,
  DiscoveryApi,
  IdentityApi,
  ProfileInfo,
  StorageApi,
} from '@greenroom/frontend-plugin-api';
import type { AuthSession } from './AuthSession';
import { sessionFromResponse } from './AuthSession';
import { logoutAuthSession, refreshAuthSession } from './authRequests';
import { openAuthPopup } from './openAuthPopup';

const PROVIDER_KEY = 'provider';

export interface AuthSessionManagerOptions {
  discovery: DiscoveryApi;
  /** Remembers the provider of the last sign-in, so a reload can restore the session. */
  storage: StorageApi;
  /** `auth.environment`, sent as `env` to the provider. */
  environment: string;
  /** The app's origin, where the popup's result is posted. */
  appOrigin: string;
  now?: () => number;
  popup?: (url: string, expectedOrigin: string) => Promise<unknown>;
  /**
   * Runs at the end of sign-out, before any navigation to the identity provider's logout page
   * (protected mode: clears the app's cookie, so the next page load gets the public bundle).
   */
  afterSignOut?: () => Promise<void>;
}

/**
 * The signed-in user's session: sign-in (guest by refresh, others by popup), restore after a
 * reload, token refresh before expiry, sign-out. It is the app's IdentityApi.
 */
export class AuthSessionManager implements IdentityApi {
  private session: AuthSession | undefined;
  private refreshing: Promise<AuthSession> | undefined;
  /** Bumped on sign-out, so a refresh that was under way cannot sign the user back in. */
  private generation = 0;
  private readonly listeners = new Set<() => void>();
  private readonly now: () => number;
  private signingOut: Promise<void> | undefined;
  private leavingForLogout = false;

  constructor(private readonly options: AuthSessionManagerOptions) {
    this.now = options.now ?? Date.now;
  }

  getSession = (): AuthSession | undefined => this.session;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Whether a provider was used before, i.e. whether `restore` is worth trying. */
  hasStoredProvider(): boolean {
    return typeof this.options.storage.get<string>(PROVIDER_KEY) === 'string';
  }

  /** Restores the last session through the provider's refresh cookie; false when there is none. */
  async restore(): Promise<boolean> {
    const providerId = this.options.storage.get<string>(PROVIDER_KEY);
    if (typeof providerId !== 'string') return false;
    try {
      await this.refresh(providerId);
      return true;
    } catch {
      this.options.storage.remove(PROVIDER_KEY);
      return false;
    }
  }

  async signIn(providerId: string): Promise<void> {
    if (providerId === 'guest') {
      await this.refresh(providerId);
    } else {
      const authBaseUrl = await this.options.discovery.getBaseUrl('auth');
      const query = new URLSearchParams({
        scope: '',
        origin: this.options.appOrigin,
        env: this.options.environment,
      });
      const url = `${authBaseUrl}/${encodeURIComponent(providerId)}/start?${query}`;
      const popup = this.options.popup ?? openAuthPopup;
      const response = await popup(url, new URL(authBaseUrl).origin);
      try {
        this.setSession(sessionFromResponse(providerId, response, this.now()));
      } catch {
        // A popup payload without the identity: the refresh cookie it set still gets one.
        await this.refresh(providerId);
      }
    }
    this.options.storage.set(PROVIDER_KEY, providerId);
  }

  async getCredentials(): Promise<{ token?: string }> {
    const session = this.session;
    if (!session) return {};
    if (this.now() < session.refreshAt) return { token: session.token };
    try {
      return { token: (await this.refresh(session.providerId)).token };
    } catch (error) {
      if (this.now() < session.expiresAt) return { token: session.token };
      this.setSession(undefined);
      throw error;
    }
  }

  async getBackstageIdentity(): Promise<BackstageUserIdentity> {
    return this.requireSession().identity;
  }

  async getProfileInfo(): Promise<ProfileInfo> {
    return this.requireSession().profile;
  }

  async signOut(): Promise<void> {
    const session = this.session;
    this.generation += 1;
    this.options.storage.remove(PROVIDER_KEY);
    const done = (async () => {
      let logoutUrl: string | undefined;
      try {
        if (session) {
          const authBaseUrl = await this.options.discovery.getBaseUrl('auth');
          logoutUrl = await logoutAuthSession(authBaseUrl, session.providerId);
        }
      } finally {
        await this.options.afterSignOut?.();
      }
      if (logoutUrl && /^(https:|http:\/\/localhost[:/])/.test(logoutUrl)) {
        this.leavingForLogout = true;
        window.location.assign(logoutUrl);
      }
    })();
    this.signingOut = done;
    this.setSession(undefined);
    await done;
  }

  /** Resolves once a sign-out under way has finished (its requests, not its navigation). */
  async signOutSettled(): Promise<void> {
    await this.signingOut?.catch(() => undefined);
  }

  /** Whether sign-out is navigating to the identity provider's logout page. */
  isLeavingForLogout(): boolean {
    return this.leavingForLogout;
  }

  private requireSession(): AuthSession {
    if (!this.session) throw new Error('Not signed in');
    return this.session;
  }

  /** One refresh at a time: concurrent callers share it. */
  private refresh(providerId: string): Promise<AuthSession> {
    if (!this.refreshing) {
      const generation = this.generation;
      this.refreshing = (async () => {
        const authBaseUrl = await this.options.discovery.getBaseUrl('auth');
        const body = await refreshAuthSession(authBaseUrl, providerId, this.options.environment);
        const session = sessionFromResponse(providerId, body, this.now());
        if (generation !== this.generation) throw new Error('Signed out while refreshing');
        this.setSession(session);
        return session;
      })().finally(() => {
        this.refreshing = undefined;
      });
    }
    return this.refreshing;
  }

  private setSession(session: AuthSession | undefined) {
    this.session = session;
    this.listeners.forEach(listener => listener());
  }
}

import type { LoggerService } from '@greenroom/backend-plugin-api';
import type { Config } from '@greenroom/config';
import type { SignInInfo } from '../signIn/types';

/** Tokens from the identity provider. The refresh token stays on the server. */
export interface OAuthProviderSession {
  accessToken: string;
  tokenType?: string;
  idToken?: string;
  scope: string;
  expiresInSeconds?: number;
  refreshToken?: string;
}

export interface OAuthAuthenticatorResult {
  signIn: SignInInfo;
  session: OAuthProviderSession;
}

export interface OAuthAuthenticatorRefreshResult {
  signIn?: SignInInfo;
  session: OAuthProviderSession;
}

export interface OAuthAuthenticatorInitInput {
  providerId: string;
  /** `auth.providers.<providerId>.<env>`. */
  config: Config;
  /** Where `config` sits, for error messages: `auth.providers.<providerId>.<env>`. */
  configKey: string;
  callbackUrl: string;
  logger: LoggerService;
}

/**
 * One OAuth 2 / OpenID Connect identity provider, as `createOAuthProviderFactory` drives it.
 * The factory handles cookies, state, sessions, sign-in resolvers and the popup/redirect flows.
 */
export interface OAuthAuthenticator<TContext> {
  /** Scopes always requested, merged with `additionalScopes` and what the app asks for. */
  requiredScopes?: string[];
  /** Reads and checks one environment's config; throwing here fails startup naming the key. */
  initialize(input: OAuthAuthenticatorInitInput): TContext;
  /** Work that needs the network (e.g. discovery); a failure makes the provider unavailable. */
  prepare?(context: TContext): Promise<void>;
  /** The URL to send the browser to; `secrets` are kept server side until the callback. */
  start(
    input: { state: string; scope: string; callbackUrl: string },
    context: TContext,
  ): Promise<{ url: string; secrets?: Record<string, string> }>;
  /** Handles the callback: `params` are its query (and form body) parameters. */
  authenticate(
    input: { params: Record<string, string>; callbackUrl: string; secrets: Record<string, string> },
    context: TContext,
  ): Promise<OAuthAuthenticatorResult>;
  /**
   * New tokens from a refresh token; `signIn` may be left out when the provider said nothing new
   * about the user (the stored one is reused). Without this method refresh reuses the stored
   * sign-in as long as the session lasts.
   */
  refresh?(
    input: { refreshToken: string; scope: string },
    context: TContext,
  ): Promise<OAuthAuthenticatorRefreshResult>;
  /** Revokes the refresh token at the provider, when it can. */
  logout?(input: { refreshToken: string }, context: TContext): Promise<void>;
}

import type { LoggerService } from '@greenroom/backend-plugin-api';
import type { Config, JsonObject } from '@greenroom/config';
import type { Request, Response } from 'express';
import type { BackstageIdentityResponse, UserIdentity } from '../identity/types';
import type { PendingSignInStore } from '../sessions/PendingSignInStore';
import type { SessionStore } from '../sessions/SessionStore';
import type { ResolveSignIn } from '../signIn/SignInResolverRegistry';
import type { SignInResolverContext } from '../signIn/types';

/** The routes of one provider, mounted at `/api/auth/<providerId>/…`. */
export interface AuthProviderRouteHandlers {
  /** `GET /start`: send the browser to the identity provider. */
  start(req: Request, res: Response): Promise<void>;
  /** `GET|POST /handler/frame`: the identity provider's callback. */
  frameHandler(req: Request, res: Response): Promise<void>;
  /** `GET|POST /refresh`: a new token for the signed-in browser. */
  refresh?(req: Request, res: Response): Promise<void>;
  /** `POST /logout`. */
  logout?(req: Request, res: Response): Promise<void>;
}

/**
 * A configured provider that must not serve sign-ins (e.g. guest outside development): it is
 * left out of `/providers` and its routes answer 404 with `reason`.
 */
export interface AuthProviderDisabled {
  disabled: true;
  reason: string;
}

/** Everything a provider factory gets from the auth plugin. */
export interface AuthProviderContext {
  providerId: string;
  /** `auth.providers.<providerId>`. */
  config: Config;
  logger: LoggerService;
  /** `process.env.NODE_ENV` when the backend started. */
  nodeEnv: string | undefined;
  /** External base URL of the auth plugin, e.g. `https://portal.example.com/api/auth`. */
  baseUrl: string;
  /** `app.baseUrl`. */
  appUrl: string;
  isOriginAllowed(origin: string): boolean;
  /** Signs a Greenroom user token and records the user's ownership refs. */
  issueUserToken(identity: UserIdentity): Promise<BackstageIdentityResponse>;
  signInResolvers: {
    /** The resolvers configured at `<configKey>.signIn.resolvers`, or undefined without `signIn`. */
    fromConfig(config: Config, configKey: string): ResolveSignIn | undefined;
    /** A resolver context, for providers that resolve identities in code. */
    context(resolverName: string, options?: JsonObject): SignInResolverContext;
  };
  sessions: SessionStore;
  pendingSignIns: PendingSignInStore;
}

export type AuthProviderFactory = (
  context: AuthProviderContext,
) =>
  | AuthProviderRouteHandlers
  | AuthProviderDisabled
  | Promise<AuthProviderRouteHandlers | AuthProviderDisabled>;

/**
 * Thrown by a provider factory for invalid configuration: it always fails startup (naming the
 * key), unlike other factory failures, which only disable the provider in development.
 */
export class AuthProviderConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuthProviderConfigError';
  }
}

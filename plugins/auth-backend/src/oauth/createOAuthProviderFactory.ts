import { AuthProviderConfigError, type AuthProviderFactory } from '../extensions/types';
import { createOAuthRouteHandlers } from './createOAuthRouteHandlers';
import { readOAuthEnvironments } from './readOAuthEnvironments';
import type { OAuthAuthenticator } from './types';

/**
 * A provider factory for an OAuth 2 / OpenID Connect authenticator, configured per environment
 * at `auth.providers.<providerId>.<env>` with `callbackUrl`, `additionalScopes`,
 * `sessionDuration` and `signIn.resolvers` besides the authenticator's own keys.
 */
export function createOAuthProviderFactory<TContext>(options: {
  authenticator: OAuthAuthenticator<TContext>;
}): AuthProviderFactory {
  const { authenticator } = options;
  return async ctx => {
    let envs;
    try {
      envs = readOAuthEnvironments(ctx, authenticator);
    } catch (error) {
      throw new AuthProviderConfigError((error as Error).message);
    }
    for (const env of envs.values()) await authenticator.prepare?.(env.authenticator);
    return createOAuthRouteHandlers(ctx, authenticator, envs);
  };
}

import type { OAuthAuthenticator } from './types';
import type { AuthProviderContext } from '../extensions/types';
import { readDurationMs } from '@greenroom/config';
import { providerCookieSettings, type ProviderCookieSettings } from '../flow/cookies';
import type { ResolveSignIn } from '../signIn/SignInResolverRegistry';
import { readAdditionalScopes } from './scopes';

const DEFAULT_SESSION_MS = 1000 * 86_400_000;

/** One configured environment (`auth.providers.<id>.<env>`) of an OAuth provider. */
export interface OAuthEnvironment<TContext> {
  env: string;
  callbackUrl: string;
  cookies: ProviderCookieSettings;
  resolveSignIn: ResolveSignIn | undefined;
  requiredScopes: string[];
  additionalScopes: string[];
  sessionDurationMs: number;
  authenticator: TContext;
}

/** Reads every environment of the provider's config; throws on bad config, naming the key. */
export function readOAuthEnvironments<TContext>(
  ctx: AuthProviderContext,
  authenticator: OAuthAuthenticator<TContext>,
): Map<string, OAuthEnvironment<TContext>> {
  const envs = new Map<string, OAuthEnvironment<TContext>>();
  const providerKey = `auth.providers.${ctx.providerId}`;
  for (const env of ctx.config.keys()) {
    const configKey = `${providerKey}.${env}`;
    const config = ctx.config.getConfig(env);
    const callbackUrl =
      config.getOptionalString('callbackUrl') ?? `${ctx.baseUrl}/${ctx.providerId}/handler/frame`;
    try {
      new URL(callbackUrl);
    } catch {
      throw new Error(`Invalid URL at '${configKey}.callbackUrl'`);
    }
    envs.set(env, {
      env,
      callbackUrl,
      cookies: providerCookieSettings(callbackUrl, ctx.appUrl),
      resolveSignIn: ctx.signInResolvers.fromConfig(config, configKey),
      requiredScopes: authenticator.requiredScopes ?? [],
      additionalScopes: readAdditionalScopes(config),
      sessionDurationMs:
        readDurationMs(config, 'sessionDuration', `${configKey}.sessionDuration`) ??
        DEFAULT_SESSION_MS,
      authenticator: authenticator.initialize({
        providerId: ctx.providerId,
        config,
        configKey,
        callbackUrl,
        logger: ctx.logger,
      }),
    });
  }
  if (envs.size === 0) {
    throw new Error(
      `No environments configured at '${providerKey}': configure at least '${providerKey}.development'`,
    );
  }
  return envs;
}

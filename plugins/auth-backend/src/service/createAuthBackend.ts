import type {
  DatabaseService,
  DiscoveryService,
  LoggerService,
} from '@greenroom/backend-plugin-api';
import type { Config } from '@greenroom/config';
import type { Router } from 'express';
import { readAuthSettings } from '../config/readAuthSettings';
import { migrateAuthDatabase } from '../database/migrations';
import type { AuthProviderRegistrationOptions } from '../extensions/authProvidersExtensionPoint';
import type { AuthProviderContext } from '../extensions/types';
import { createOriginFilter } from '../flow/origins';
import { SigningKeyStore } from '../identity/SigningKeyStore';
import { TokenIssuer } from '../identity/TokenIssuer';
import { UserInfoStore } from '../identity/UserInfoStore';
import { PendingSignInStore } from '../sessions/PendingSignInStore';
import { SecretBox } from '../sessions/SecretBox';
import { SessionStore } from '../sessions/SessionStore';
import type { SignInResolverRegistry } from '../signIn/SignInResolverRegistry';
import { createAuthRouter } from './createAuthRouter';
import { initProviders } from './initProviders';

export interface CreateAuthBackendOptions {
  config: Config;
  logger: LoggerService;
  database: DatabaseService;
  discovery: DiscoveryService;
  providers: readonly AuthProviderRegistrationOptions[];
  signInResolvers: SignInResolverRegistry;
  /** Default `process.env.NODE_ENV`. */
  nodeEnv?: string;
}

/** Opens the auth database, makes the signing key, starts the providers; returns the router. */
export async function createAuthBackend(options: CreateAuthBackendOptions): Promise<Router> {
  const { config, logger, discovery } = options;
  const nodeEnv = options.nodeEnv ?? process.env.NODE_ENV;
  const knex = await options.database.getClient();
  if (!options.database.migrations?.skip) await migrateAuthDatabase(knex);

  const settings = readAuthSettings(config, logger);
  const keys = new SigningKeyStore(knex, {
    rotationIntervalMs: settings.tokenExpirationSeconds * 1000,
  });
  // Make and publish the first key now, so verifiers that fetch the JWKS early already see it.
  await keys.getSigningKey();
  const box = await SecretBox.create(knex, settings.sessionSecret);
  const userInfo = new UserInfoStore(knex);
  const issuer = () => discovery.getExternalBaseUrl('auth');
  const tokens = new TokenIssuer({
    keys,
    userInfo,
    issuer,
    expirationSeconds: settings.tokenExpirationSeconds,
    omitOwnershipClaim: settings.omitOwnershipClaim,
  });
  const sessions = new SessionStore(knex, box);
  const pendingSignIns = new PendingSignInStore(knex, box);
  const baseUrl = (await issuer()).replace(/\/+$/, '');
  const isOriginAllowed = createOriginFilter(settings.appUrl, settings.extraAllowedOrigins);

  const contextFor = (providerId: string, providerConfig: Config): AuthProviderContext => ({
    providerId,
    config: providerConfig,
    logger: logger.child({ authProvider: providerId }),
    nodeEnv,
    baseUrl,
    appUrl: settings.appUrl,
    isOriginAllowed,
    issueUserToken: identity => tokens.issueUserToken(identity),
    signInResolvers: {
      fromConfig: (c, key) => options.signInResolvers.fromConfig(providerId, c, key),
      context: (name, resolverOptions) =>
        options.signInResolvers.contextFor(providerId, name, resolverOptions),
    },
    sessions,
    pendingSignIns,
  });

  const providers = await initProviders({
    registrations: options.providers,
    config,
    logger,
    nodeEnv,
    contextFor,
  });
  return createAuthRouter({
    keys,
    userInfo,
    issuer,
    providers,
    configuredOrder: config.getOptionalConfig('auth.providers')?.keys() ?? [],
  });
}

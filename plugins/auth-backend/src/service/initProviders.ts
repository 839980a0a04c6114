import type { LoggerService } from '@greenroom/backend-plugin-api';
import type { Config } from '@greenroom/config';
import type { AuthProviderRegistrationOptions } from '../extensions/authProvidersExtensionPoint';
import type { AuthProviderContext, AuthProviderRouteHandlers } from '../extensions/types';

/** What became of one registered provider at startup. */
export type ProviderState =
  | { status: 'ready'; handlers: AuthProviderRouteHandlers }
  | { status: 'unconfigured' }
  | { status: 'disabled'; reason: string }
  | { status: 'misconfigured'; reason: string };

export interface InitProvidersOptions {
  registrations: readonly AuthProviderRegistrationOptions[];
  config: Config;
  logger: LoggerService;
  nodeEnv: string | undefined;
  contextFor(providerId: string, config: Config): AuthProviderContext;
}

/**
 * Runs the factory of every registered provider that `auth.providers` configures. Bad config
 * always fails startup; any other failure (e.g. an unreachable identity provider) fails it too,
 * except in development, where the provider is skipped with a warning so the rest still runs.
 */
export async function initProviders(
  options: InitProvidersOptions,
): Promise<Map<string, ProviderState>> {
  const { config, logger, nodeEnv } = options;
  const states = new Map<string, ProviderState>();
  for (const { providerId, factory } of options.registrations) {
    const providerConfig = config.getOptionalConfig(`auth.providers.${providerId}`);
    if (!providerConfig) {
      states.set(providerId, { status: 'unconfigured' });
      continue;
    }
    try {
      const result = await factory(options.contextFor(providerId, providerConfig));
      states.set(
        providerId,
        'disabled' in result
          ? { status: 'disabled', reason: result.reason }
          : { status: 'ready', handlers: result },
      );
    } catch (error) {
      const message = (error as Error)?.message ?? String(error);
      if ((error as Error)?.name === 'AuthProviderConfigError' || nodeEnv !== 'development') {
        throw new Error(`Failed to initialize ${providerId} auth provider, ${message}`, {
          cause: error,
        });
      }
      logger.warn(
        `Skipping the ${providerId} auth provider, it failed to initialize (allowed because NODE_ENV is development): ${message}`,
      );
      states.set(providerId, { status: 'misconfigured', reason: message });
    }
  }
  const registered = new Set(options.registrations.map(r => r.providerId));
  for (const providerId of config.getOptionalConfig('auth.providers')?.keys() ?? []) {
    if (!registered.has(providerId)) {
      logger.warn(
        `auth.providers.${providerId} is configured, but no installed module provides the '${providerId}' auth provider`,
      );
    }
  }
  return states;
}

import type { AuthProviderFactory } from '@greenroom/plugin-auth-backend';
import { createGuestRouteHandlers } from './createGuestRouteHandlers';
import { readGuestSettings } from './readGuestSettings';

const REFUSAL =
  "The guest provider cannot be used outside of a development environment unless 'auth.providers.guest.dangerouslyAllowOutsideDevelopment' is enabled";

/**
 * Guest sign-in is for development: anyone who reaches the app becomes the guest user. Outside
 * NODE_ENV=development it stays off (the backend still starts) unless explicitly allowed.
 */
export const createGuestProviderFactory = (): AuthProviderFactory => ctx => {
  const settings = readGuestSettings(ctx.config);
  const nodeEnv = ctx.nodeEnv ?? 'not set';
  if (ctx.nodeEnv !== 'development') {
    if (!settings.dangerouslyAllowOutsideDevelopment) {
      ctx.logger.warn(
        `Guest sign-in disabled: NODE_ENV is ${nodeEnv}; it only runs in development, or with auth.providers.guest.dangerouslyAllowOutsideDevelopment: true`,
      );
      return { disabled: true, reason: REFUSAL };
    }
    ctx.logger.warn(
      `Guest sign-in enabled although NODE_ENV is ${nodeEnv} (auth.providers.guest.dangerouslyAllowOutsideDevelopment): anyone who reaches the app signs in as ${settings.userEntityRef}`,
    );
  } else {
    ctx.logger.info(
      `Guest sign-in enabled: NODE_ENV is development; everyone signs in as ${settings.userEntityRef}`,
    );
  }
  return createGuestRouteHandlers(ctx, settings);
};

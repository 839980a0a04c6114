import { createBackendModule } from '@greenroom/backend-plugin-api';
import { authProvidersExtensionPoint } from '@greenroom/plugin-auth-backend';
import { createGuestProviderFactory } from './createGuestProviderFactory';

/** Adds the `guest` sign-in provider (`auth.providers.guest`) to the auth plugin. */
export const authModuleGuestProvider = createBackendModule({
  pluginId: 'auth',
  moduleId: 'guest-provider',
  register(env) {
    env.registerInit({
      deps: { providers: authProvidersExtensionPoint },
      async init({ providers }) {
        providers.registerProvider({ providerId: 'guest', factory: createGuestProviderFactory() });
      },
    });
  },
});

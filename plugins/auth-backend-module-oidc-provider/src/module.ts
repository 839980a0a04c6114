import { createBackendModule } from '@greenroom/backend-plugin-api';
import {
  authProvidersExtensionPoint,
  createOAuthProviderFactory,
} from '@greenroom/plugin-auth-backend';
import { oidcAuthenticator } from './authenticator/oidcAuthenticator';

/** Adds the `oidc` sign-in provider (`auth.providers.oidc.<env>`) to the auth plugin. */
export const authModuleOidcProvider = createBackendModule({
  pluginId: 'auth',
  moduleId: 'oidc-provider',
  register(env) {
    env.registerInit({
      deps: { providers: authProvidersExtensionPoint },
      async init({ providers }) {
        providers.registerProvider({
          providerId: 'oidc',
          factory: createOAuthProviderFactory({ authenticator: oidcAuthenticator }),
        });
      },
    });
  },
});

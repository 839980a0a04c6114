import { coreServices, createBackendPlugin } from '@greenroom/backend-plugin-api';
import {
  authProvidersExtensionPoint,
  type AuthProviderRegistrationOptions,
} from './extensions/authProvidersExtensionPoint';
import { authSignInResolversExtensionPoint } from './extensions/authSignInResolversExtensionPoint';
import { createAuthBackend } from './service/createAuthBackend';
import { SignInResolverRegistry } from './signIn/SignInResolverRegistry';

/** The auth backend at `/api/auth`: issues user tokens through the providers modules add. */
export const authPlugin = createBackendPlugin({
  pluginId: 'auth',
  register(env) {
    const providers: AuthProviderRegistrationOptions[] = [];
    env.registerExtensionPoint(authProvidersExtensionPoint, {
      registerProvider(options) {
        if (providers.some(p => p.providerId === options.providerId)) {
          throw new Error(`An auth provider with id '${options.providerId}' is already registered`);
        }
        providers.push(options);
      },
    });
    const signInResolvers = new SignInResolverRegistry();
    env.registerExtensionPoint(authSignInResolversExtensionPoint, {
      registerSignInResolver: (name, resolver) => signInResolvers.register(name, resolver),
      setCatalogLookup: lookup => signInResolvers.setCatalogLookup(lookup),
    });

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        discovery: coreServices.discovery,
        httpRouter: coreServices.httpRouter,
      },
      async init({ config, logger, database, discovery, httpRouter }) {
        const router = await createAuthBackend({
          config,
          logger,
          database,
          discovery,
          providers,
          signInResolvers,
        });
        // Sign-in routes are how users get credentials; the ones that need a token check it.
        httpRouter.addAuthPolicy({ path: '/', allow: 'unauthenticated' });
        httpRouter.use(router);
      },
    });
  },
});

import { coreServices, createServiceFactory } from '@greenroom/backend-plugin-api';
import { DefaultAuthService } from './DefaultAuthService';
import { createExplain, isDevelopment } from './explain';
import { readExternalAccess } from './external/readExternalAccess';
import { RemoteKeySets } from './jwt/RemoteKeySets';
import { createPluginKeySourceFactory } from './plugin/keys/createPluginKeySource';
import { PluginTokenHandler } from './plugin/PluginTokenHandler';
import { UserTokenVerifier } from './user/UserTokenVerifier';

/**
 * `core.auth`: config is read once per backend (external access, key store, the kill switch),
 * and remote key sets are shared by every plugin. Each plugin gets its own key source, which
 * opens the plugin's database only when the plugin first issues a token.
 */
export const authServiceFactory = createServiceFactory({
  service: coreServices.auth,
  deps: {
    config: coreServices.rootConfig,
    rootLogger: coreServices.rootLogger,
    discovery: coreServices.discovery,
    database: coreServices.database,
    pluginMetadata: coreServices.pluginMetadata,
  },
  async createRootContext({ config, rootLogger }) {
    const development = isDevelopment();
    const keySets = new RemoteKeySets();
    const externalAccess = readExternalAccess(config, { logger: rootLogger, keySets });
    const keySourceFactory = await createPluginKeySourceFactory(config);
    const disableDefaultAuthPolicy =
      config.getOptionalBoolean('backend.auth.dangerouslyDisableDefaultAuthPolicy') ?? false;

    rootLogger.info(
      development
        ? 'Auth errors explain how to fix them: NODE_ENV is development'
        : `Auth errors do not explain how to fix them: NODE_ENV is ${process.env.NODE_ENV ?? 'not set'}, not development`,
    );
    if (disableDefaultAuthPolicy) {
      rootLogger.warn(
        'backend.auth.dangerouslyDisableDefaultAuthPolicy is true: every plugin route accepts requests without credentials',
      );
    }
    return {
      explain: createExplain(development),
      keySets,
      externalAccess,
      keySourceFactory,
      disableDefaultAuthPolicy,
    };
  },
  factory({ discovery, database, pluginMetadata }, context) {
    const pluginId = pluginMetadata.getId();
    const { explain, keySets } = context;
    const keySource = context.keySourceFactory(database);
    return new DefaultAuthService({
      pluginId,
      keySource,
      explain,
      externalAccess: context.externalAccess,
      disableDefaultAuthPolicy: context.disableDefaultAuthPolicy,
      userTokens: new UserTokenVerifier({ discovery, keySets, explain }),
      pluginTokens: new PluginTokenHandler({
        ownPluginId: pluginId,
        keySource,
        discovery,
        keySets,
        explain,
      }),
    });
  },
});

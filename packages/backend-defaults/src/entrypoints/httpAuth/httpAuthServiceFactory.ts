import { coreServices, createServiceFactory } from '@greenroom/backend-plugin-api';
import { createExplain, isDevelopment } from '../auth/explain';
import { DefaultHttpAuthService } from './DefaultHttpAuthService';

/** `core.httpAuth`: reads credentials from requests through the plugin's `core.auth`. */
export const httpAuthServiceFactory = createServiceFactory({
  service: coreServices.httpAuth,
  deps: {
    auth: coreServices.auth,
    discovery: coreServices.discovery,
    logger: coreServices.logger,
    pluginMetadata: coreServices.pluginMetadata,
  },
  factory: ({ auth, discovery, logger, pluginMetadata }) =>
    new DefaultHttpAuthService({
      pluginId: pluginMetadata.getId(),
      auth,
      discovery,
      logger,
      explain: createExplain(isDevelopment()),
    }),
});

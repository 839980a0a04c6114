import { coreServices, createBackendPlugin } from '@greenroom/backend-plugin-api';
import { readProxyEndpoints } from './config/readProxyEndpoints';
import { createUpgradeCredentialsCheck } from './service/checkUpgradeCredentials';
import { createProxyRouter } from './service/createProxyRouter';
import { createUpgradeHandler } from './service/createUpgradeHandler';
import { createUpstreamAgents } from './service/upstreamRequest';

const MOUNT_PATH = '/api/proxy';

/** The `proxy` plugin: forwards `/api/proxy/<route>` to the targets in `proxy.endpoints`. */
export const proxyPlugin = createBackendPlugin({
  pluginId: 'proxy',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        httpRouter: coreServices.httpRouter,
        rootHttpRouter: coreServices.rootHttpRouter,
        auth: coreServices.auth,
        lifecycle: coreServices.lifecycle,
      },
      async init({ config, logger, httpRouter, rootHttpRouter, auth, lifecycle }) {
        const endpoints = readProxyEndpoints(config, logger);
        for (const endpoint of endpoints) {
          if (endpoint.credentials === 'dangerously-allow-unauthenticated') {
            httpRouter.addAuthPolicy({ path: endpoint.route, allow: 'unauthenticated' });
          }
        }
        const agents = createUpstreamAgents();
        const upgrades = createUpgradeHandler({
          endpoints,
          mountPath: MOUNT_PATH,
          agents,
          logger,
          checkCredentials: createUpgradeCredentialsCheck({
            auth,
            defaultPolicyDisabled:
              config.getOptionalBoolean('backend.auth.dangerouslyDisableDefaultAuthPolicy') ??
              false,
          }),
        });
        // Websocket handshakes bypass the plugin router; the root router hands them over.
        rootHttpRouter.useUpgrade(MOUNT_PATH, (req, socket, head) => {
          if (!upgrades.handle(req, socket, head)) socket.destroy();
        });
        httpRouter.use(createProxyRouter(endpoints, { agents, logger }));
        lifecycle.addShutdownHook(() => {
          upgrades.close();
          agents.destroy();
        });
      },
    });
  },
});

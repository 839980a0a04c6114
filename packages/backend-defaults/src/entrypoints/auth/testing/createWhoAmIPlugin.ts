import {
  coreServices,
  createBackendPlugin,
  type AuthService,
  type BackendPluginFeature,
  type DiscoveryService,
  type HttpAuthService,
  type HttpRouterServiceAuthPolicy,
  type UserInfoService,
} from '@greenroom/backend-plugin-api';
import type { Request, Response } from 'express';
import { Router } from 'express';

export interface WhoAmIServices {
  auth: AuthService;
  httpAuth: HttpAuthService;
  userInfo: UserInfoService;
  discovery: DiscoveryService;
}

export interface WhoAmIPlugin {
  plugin: BackendPluginFeature;
  /** The plugin's services, once its init ran. */
  services(): WhoAmIServices;
}

/**
 * Test-only plugin whose routes answer with the caller's principal:
 * `GET /whoami` (and the same under any nested path, e.g. `/public/whoami`),
 * `POST /items/:id/actions`, `GET /cookie-only/whoami` (user credentials incl. the cookie) and
 * `GET .../ownership` (the user's info from core.userInfo).
 */
export function createWhoAmIPlugin(
  pluginId: string,
  options: {
    policies?: HttpRouterServiceAuthPolicy[];
    extend?: (router: Router, services: WhoAmIServices) => void;
  } = {},
): WhoAmIPlugin {
  let captured: WhoAmIServices | undefined;
  const plugin = createBackendPlugin({
    pluginId,
    register(reg) {
      reg.registerInit({
        deps: {
          http: coreServices.httpRouter,
          auth: coreServices.auth,
          httpAuth: coreServices.httpAuth,
          userInfo: coreServices.userInfo,
          discovery: coreServices.discovery,
        },
        async init({ http, ...services }) {
          captured = services;
          const router = Router();
          options.extend?.(router, services);
          router.get('/cookie-only/whoami', async (req, res) => {
            const credentials = await services.httpAuth.credentials(req, {
              allow: ['user'],
              allowLimitedAccess: true,
            });
            res.json({ principal: credentials.principal });
          });
          router.get(/\/ownership$/, async (req, res) => {
            const credentials = await services.httpAuth.credentials(req, {
              allow: ['user'],
              allowLimitedAccess: true,
            });
            res.json(await services.userInfo.getUserInfo(credentials));
          });
          const whoami = async (req: Request, res: Response) => {
            const credentials = await services.httpAuth.credentials(req);
            res.json({
              principal: credentials.principal,
              expiresAt: credentials.expiresAt?.toISOString(),
            });
          };
          router.get(/.*\/whoami$/, whoami);
          router.post('/items/:id/actions', whoami);
          http.use(router);
          for (const policy of options.policies ?? []) http.addAuthPolicy(policy);
        },
      });
    },
  });
  return {
    plugin,
    services: () => {
      if (!captured) throw new Error(`Plugin '${pluginId}' has not been initialized`);
      return captured;
    },
  };
}

import type {
  HttpRouterService,
  HttpRouterServiceAuthPolicy,
  LifecycleService,
  RootHttpRouterService,
} from '@greenroom/backend-plugin-api';
import type { Handler, RequestHandler, Router as ExpressRouter } from 'express';
import { Router } from 'express';
import { validateAuthPolicy } from './authPolicies';
import { createLifecycleMiddleware } from './createLifecycleMiddleware';

export interface PluginHttpRouterOptions {
  pluginId: string;
  rootHttpRouter: RootHttpRouterService;
  lifecycle: LifecycleService;
  /** How long a request that arrives before the plugin started is held. Default 5 s. */
  startupRequestPauseTimeoutMs?: number;
  /**
   * Served before everything else, even before the plugin has started: the plugin's public
   * keys (`GET /.backstage/auth/v1/jwks.json`).
   */
  authIntegrationRouter?: RequestHandler;
  /** Served right after the credentials barrier: the user cookie endpoints. */
  cookieAuthRouter?: RequestHandler;
  /**
   * SEAM for the default auth policy: builds the credentials barrier that runs after the
   * lifecycle middleware and before the plugin's handlers. It receives the live list of the
   * plugin's policies (see `matchAuthPolicy`). Without it every request passes through.
   */
  createCredentialsBarrier?: (
    policies: readonly HttpRouterServiceAuthPolicy[],
  ) => RequestHandler | undefined;
}

export interface PluginHttpRouter extends HttpRouterService {
  /** The policies registered so far (what the credentials barrier consults). */
  readonly authPolicies: readonly HttpRouterServiceAuthPolicy[];
}

/**
 * The plugin's router at `/api/<pluginId>`: public keys, lifecycle gate, credentials barrier,
 * cookie endpoints, handlers.
 */
export function createPluginHttpRouter(options: PluginHttpRouterOptions): PluginHttpRouter {
  const policies: HttpRouterServiceAuthPolicy[] = [];
  const handlers: ExpressRouter = Router();
  const router: ExpressRouter = Router();

  if (options.authIntegrationRouter) router.use(options.authIntegrationRouter);
  router.use(
    createLifecycleMiddleware({
      lifecycle: options.lifecycle,
      startupRequestPauseTimeoutMs: options.startupRequestPauseTimeoutMs,
    }),
  );
  // ---- credentials barrier (default auth policy) goes here ----
  const barrier = options.createCredentialsBarrier?.(policies);
  if (barrier) router.use(barrier);
  // -------------------------------------------------------------
  if (options.cookieAuthRouter) router.use(options.cookieAuthRouter);
  router.use(handlers);

  options.rootHttpRouter.use(`/api/${options.pluginId}`, router);

  return {
    authPolicies: policies,
    use(handler: Handler | ExpressRouter) {
      handlers.use(handler);
    },
    addAuthPolicy(policy: HttpRouterServiceAuthPolicy) {
      policies.push(validateAuthPolicy(policy));
    },
  };
}

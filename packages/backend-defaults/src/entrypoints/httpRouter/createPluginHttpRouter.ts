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

/** The plugin's router at `/api/<pluginId>`: lifecycle gate, credentials barrier, handlers. */
export function createPluginHttpRouter(options: PluginHttpRouterOptions): PluginHttpRouter {
  const policies: HttpRouterServiceAuthPolicy[] = [];
  const handlers: ExpressRouter = Router();
  const router: ExpressRouter = Router();

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

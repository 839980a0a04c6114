import type { RequestHandler, Router } from 'express';
import type { AppBundle } from '../bundle/AppBundle';
import { createBundleRouter } from './createBundleRouter';
import { createNotBuiltHandler } from './createNotBuiltHandler';

export interface AppRouterOptions {
  /** The full app; undefined when it is not built. */
  app: AppBundle | undefined;
}

/**
 * Everything the app plugin answers. The public sign-in bundle (issue 7) plugs in here: a
 * second bundle router in front, chosen per request by the caller's credentials.
 */
export function createAppRouter(options: AppRouterOptions): Router | RequestHandler {
  return options.app ? createBundleRouter(options.app) : createNotBuiltHandler();
}

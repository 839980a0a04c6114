import type { RootHealthService, RootHealthServiceResponse } from '@greenroom/backend-plugin-api';
import type { RequestHandler } from 'express';
import { Router } from 'express';

export const HEALTH_PATH = '/.backstage/health';

/** Liveness and readiness at the root, outside `/api`, answered by the root health service. */
export function createHealthRouter(options: {
  health: RootHealthService;
  headers: Record<string, string>;
}): Router {
  const { health, headers } = options;
  const answer =
    (check: () => Promise<RootHealthServiceResponse>): RequestHandler =>
    async (_req, res) => {
      const { status, payload } = await check();
      res.status(status).set(headers).json(payload);
    };
  const router = Router();
  router.get(
    `${HEALTH_PATH}/v1/liveness`,
    answer(() => health.getLiveness()),
  );
  router.get(
    `${HEALTH_PATH}/v1/readiness`,
    answer(() => health.getReadiness()),
  );
  return router;
}

import type { AuthService } from '@greenroom/backend-plugin-api';
import { Router } from 'express';

/**
 * `GET /.backstage/auth/v1/jwks.json`: the plugin's public keys, for whoever verifies its
 * tokens. Mounted before the lifecycle gate and the credentials barrier: a plugin that calls
 * another during its own startup must be verifiable at once, and by anyone.
 */
export function createAuthIntegrationRouter(options: { auth: AuthService }): Router {
  const router = Router();
  router.get('/.backstage/auth/v1/jwks.json', async (_req, res) => {
    const { keys } = await options.auth.listPublicServiceKeys();
    res.json({ keys });
  });
  return router;
}

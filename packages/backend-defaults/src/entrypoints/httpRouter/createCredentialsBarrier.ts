import type { HttpAuthService, HttpRouterServiceAuthPolicy } from '@greenroom/backend-plugin-api';
import type { RequestHandler } from 'express';
import { matchAuthPolicy } from './authPolicies';

/**
 * The default auth policy: every request needs user or service credentials, except paths a
 * policy opens (`unauthenticated`) or lets in with the plugin's user cookie (`user-cookie`).
 * Returns no barrier at all when the policy is disabled by config.
 */
export function createCredentialsBarrier(options: {
  httpAuth: HttpAuthService;
  disabled: boolean;
}): (policies: readonly HttpRouterServiceAuthPolicy[]) => RequestHandler | undefined {
  const { httpAuth, disabled } = options;
  if (disabled) return () => undefined;
  return policies => async (req, _res, next) => {
    const allowed = matchAuthPolicy(policies, req.path);
    if (allowed === 'unauthenticated') {
      next();
      return;
    }
    await httpAuth.credentials(req, {
      allow: ['user', 'service'],
      allowLimitedAccess: allowed === 'user-cookie',
    });
    next();
  };
}

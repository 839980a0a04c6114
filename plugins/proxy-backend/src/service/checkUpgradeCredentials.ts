import type { IncomingMessage } from 'node:http';
import type { AuthService } from '@greenroom/backend-plugin-api';
import { AuthenticationError, NotAllowedError } from '@greenroom/errors';
import type { ProxyEndpoint } from '../config/types';

/**
 * The default auth policy, applied by hand to websocket handshakes (they bypass the plugin
 * router and its barrier): a user or service bearer token, unless the endpoint is public or the
 * default policy is disabled.
 */
export function createUpgradeCredentialsCheck(options: {
  auth: AuthService;
  defaultPolicyDisabled: boolean;
}): (req: IncomingMessage, endpoint: ProxyEndpoint) => Promise<void> {
  return async (req, endpoint) => {
    if (options.defaultPolicyDisabled) return;
    if (endpoint.credentials === 'dangerously-allow-unauthenticated') return;
    const token = /^Bearer[ ]+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!token) throw new AuthenticationError('Missing credentials');
    const credentials = await options.auth.authenticate(token);
    if (
      !options.auth.isPrincipal(credentials, 'user') &&
      !options.auth.isPrincipal(credentials, 'service')
    ) {
      throw new NotAllowedError('This endpoint requires user or service credentials');
    }
  };
}

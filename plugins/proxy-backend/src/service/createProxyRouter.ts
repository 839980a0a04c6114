import type { RequestHandler } from 'express';
import type { ProxyEndpoint } from '../config/types';
import type { ForwardContext } from './forwardHttp';
import { forwardHttp } from './forwardHttp';
import { createEndpointMatcher } from './matchEndpoint';
import { proxyErrorBody } from './proxyErrors';

/**
 * The proxy's request handler: finds the endpoint for the path, enforces its method allow-list
 * (405), and forwards. Paths that match no endpoint fall through to the backend's 404.
 */
export function createProxyRouter(
  endpoints: readonly ProxyEndpoint[],
  context: ForwardContext,
): RequestHandler {
  const match = createEndpointMatcher(endpoints);
  return (req, res, next) => {
    const endpoint = match(req.path);
    if (!endpoint) {
      next();
      return;
    }
    if (endpoint.allowedMethods && !endpoint.allowedMethods.includes(req.method)) {
      res.setHeader('allow', endpoint.allowedMethods.join(', '));
      res
        .status(405)
        .json(
          proxyErrorBody(
            'methodNotAllowed',
            `Method ${req.method} is not allowed for proxy route ${endpoint.route}`,
            { method: req.method, url: req.originalUrl },
          ),
        );
      return;
    }
    forwardHttp(req, res, endpoint, context);
  };
}

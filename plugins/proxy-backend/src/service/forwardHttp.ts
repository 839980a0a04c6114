import type { LoggerService } from '@greenroom/backend-plugin-api';
import type { Request, Response } from 'express';
import type { ProxyEndpoint } from '../config/types';
import { filterRequestHeaders, filterResponseHeaders } from './filterHeaders';
import type { ProxyErrorKind } from './proxyErrors';
import { proxyErrorBody } from './proxyErrors';
import { rewritePath } from './rewritePath';
import type { UpstreamAgents } from './upstreamRequest';
import { startUpstreamRequest } from './upstreamRequest';

export interface ForwardContext {
  agents: UpstreamAgents;
  logger: LoggerService;
}

/**
 * Sends one request upstream and the response back, streaming both bodies with backpressure.
 * Upstream unreachable: 502; silent for longer than the endpoint's timeout before answering:
 * 504; either after the response started: the connection is cut, the only honest signal left.
 */
export function forwardHttp(
  req: Request,
  res: Response,
  endpoint: ProxyEndpoint,
  context: ForwardContext,
): void {
  const request = { method: req.method, url: req.originalUrl };
  const upstream = startUpstreamRequest({
    target: endpoint.target,
    method: req.method,
    path: rewritePath(req.originalUrl, req.baseUrl, endpoint),
    headers: filterRequestHeaders(req.headers, endpoint),
    agents: context.agents,
  });

  let failed = false;
  const fail = (kind: ProxyErrorKind, message: string, cause?: unknown) => {
    if (failed) return;
    failed = true;
    upstream.destroy();
    req.unpipe(upstream);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    context.logger.warn(
      `${request.method} ${req.baseUrl}${req.path} for route ${endpoint.route}: ${message}`,
      {
        cause: cause instanceof Error ? cause.message : undefined,
      },
    );
    // The rest of an unread request body is discarded so the connection can answer.
    req.resume();
    res.status(kind === 'gatewayTimeout' ? 504 : 502).json(proxyErrorBody(kind, message, request));
  };

  upstream.setTimeout(endpoint.timeoutMs, () =>
    fail('gatewayTimeout', `Upstream did not respond within ${endpoint.timeoutMs} ms`),
  );
  upstream.on('error', error => fail('badGateway', 'Upstream is unreachable', error));
  upstream.on('response', upstreamRes => {
    res.status(upstreamRes.statusCode ?? 502);
    for (const [name, value] of Object.entries(
      filterResponseHeaders(upstreamRes.headers, endpoint),
    )) {
      if (value !== undefined) res.setHeader(name, value);
    }
    // A broken upstream body can only be signalled by cutting the downstream one.
    upstreamRes.on('error', () => {
      failed = true;
      res.destroy();
    });
    upstreamRes.pipe(res);
  });
  // The caller went away: stop the upstream work it started.
  res.on('close', () => {
    if (!res.writableFinished) upstream.destroy();
  });
  req.pipe(upstream);
}

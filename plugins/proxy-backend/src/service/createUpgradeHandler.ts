import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { LoggerService } from '@greenroom/backend-plugin-api';
import { isError, statusCodeByErrorName } from '@greenroom/errors';
import type { ProxyEndpoint } from '../config/types';
import { filterRequestHeaders, filterResponseHeaders } from './filterHeaders';
import { createEndpointMatcher } from './matchEndpoint';
import type { ProxyErrorKind } from './proxyErrors';
import { PROXY_ERRORS, proxyErrorBody } from './proxyErrors';
import { endWithJson, responseHead } from './rawResponse';
import { rewritePath } from './rewritePath';
import type { UpstreamAgents } from './upstreamRequest';
import { startUpstreamRequest } from './upstreamRequest';

export interface UpgradeHandlerOptions {
  endpoints: readonly ProxyEndpoint[];
  /** Where the plugin is mounted: `/api/proxy`. */
  mountPath: string;
  agents: UpstreamAgents;
  logger: LoggerService;
  /**
   * Throws (AuthenticationError, NotAllowedError) when the handshake lacks the credentials the
   * endpoint needs. Upgrades never pass the plugin router, so its barrier does not see them.
   */
  checkCredentials(req: IncomingMessage, endpoint: ProxyEndpoint): Promise<void>;
}

export interface UpgradeHandler {
  /** For the server's `upgrade` event; returns false for paths outside the mount. */
  handle(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** Cuts every open websocket. */
  close(): void;
}

/** Proxies websocket handshakes, then pipes the two sockets together. */
export function createUpgradeHandler(options: UpgradeHandlerOptions): UpgradeHandler {
  const match = createEndpointMatcher(options.endpoints);
  const open = new Set<Duplex>();
  const mountLower = options.mountPath.toLowerCase();

  const connect = (req: IncomingMessage, socket: Duplex, head: Buffer, endpoint: ProxyEndpoint) => {
    const url = req.url ?? '/';
    const request = { method: req.method ?? 'GET', url };
    const upstream = startUpstreamRequest({
      target: endpoint.target,
      method: request.method,
      path: rewritePath(url, options.mountPath, endpoint),
      headers: filterRequestHeaders(req.headers, endpoint, { websocket: true }),
      agents: options.agents,
      upgrade: true,
    });
    let settled = false;
    const fail = (kind: ProxyErrorKind, message: string) => {
      if (settled) return;
      settled = true;
      upstream.destroy();
      options.logger.warn(`Websocket ${url.split('?')[0]} for route ${endpoint.route}: ${message}`);
      endWithJson(socket, PROXY_ERRORS[kind].statusCode, proxyErrorBody(kind, message, request));
    };
    socket.on('error', () => upstream.destroy());
    upstream.setTimeout(endpoint.timeoutMs, () =>
      fail('gatewayTimeout', `Upstream did not respond within ${endpoint.timeoutMs} ms`),
    );
    upstream.on('error', () => fail('badGateway', 'Upstream is unreachable'));
    upstream.on('response', upstreamRes => {
      // The upstream declined the upgrade: relay its answer and close.
      settled = true;
      const headers = {
        ...filterResponseHeaders(upstreamRes.headers, endpoint),
        connection: 'close',
      };
      socket.write(responseHead(upstreamRes.statusCode ?? 502, headers));
      socket.once('finish', () => socket.destroy());
      upstreamRes.pipe(socket);
    });
    upstream.on('upgrade', (upstreamRes, upstreamSocket, upstreamHead) => {
      settled = true;
      upstreamSocket.setTimeout(0);
      const headers = filterResponseHeaders(upstreamRes.headers, endpoint, { websocket: true });
      socket.write(responseHead(101, headers));
      if (upstreamHead.length > 0) socket.write(upstreamHead);
      if (head.length > 0) upstreamSocket.write(head);
      open.add(socket);
      const closeBoth = () => {
        open.delete(socket);
        socket.destroy();
        upstreamSocket.destroy();
      };
      for (const side of [socket, upstreamSocket]) {
        side.on('error', closeBoth);
        side.on('close', closeBoth);
      }
      socket.pipe(upstreamSocket).pipe(socket);
    });
    upstream.end();
  };

  return {
    handle(req, socket, head) {
      const path = (req.url ?? '/').split('?')[0];
      const lower = path.toLowerCase();
      if (lower !== mountLower && !lower.startsWith(`${mountLower}/`)) return false;
      const endpoint = match(path.slice(options.mountPath.length) || '/');
      const request = { method: req.method ?? 'GET', url: req.url ?? '/' };
      if (!endpoint) {
        endWithJson(socket, 404, {
          error: { name: 'NotFoundError', message: `No proxy route matches ${path}` },
          request,
          response: { statusCode: 404 },
        });
        return true;
      }
      options.checkCredentials(req, endpoint).then(
        () => connect(req, socket, head, endpoint),
        (error: unknown) => {
          const name = isError(error) ? error.name : 'Error';
          const statusCode = statusCodeByErrorName[name] ?? 500;
          const message =
            statusCode < 500 && isError(error) ? error.message : 'Internal Server Error';
          endWithJson(socket, statusCode, {
            error: { name, message },
            request,
            response: { statusCode },
          });
        },
      );
      return true;
    },
    close() {
      for (const socket of open) socket.destroy();
      open.clear();
    },
  };
}

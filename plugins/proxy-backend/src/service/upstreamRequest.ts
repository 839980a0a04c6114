import type { ClientRequest, OutgoingHttpHeaders } from 'node:http';
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/** Keep-alive agents owned by the plugin, so shutdown can close their sockets. */
export interface UpstreamAgents {
  http: HttpAgent;
  https: HttpsAgent;
  destroy(): void;
}

export function createUpstreamAgents(): UpstreamAgents {
  const http = new HttpAgent({ keepAlive: true });
  const https = new HttpsAgent({ keepAlive: true });
  return {
    http,
    https,
    destroy() {
      http.destroy();
      https.destroy();
    },
  };
}

/** Starts a request to `target` (ws/wss map to http/https); the caller writes the body. */
export function startUpstreamRequest(options: {
  target: URL;
  method: string;
  path: string;
  headers: OutgoingHttpHeaders;
  agents: UpstreamAgents;
  /** Websocket handshakes get their own socket: it will not return to a pool. */
  upgrade?: boolean;
}): ClientRequest {
  const secure = options.target.protocol === 'https:' || options.target.protocol === 'wss:';
  const common = {
    protocol: secure ? 'https:' : 'http:',
    hostname: options.target.hostname.replace(/^\[|\]$/g, ''),
    port: options.target.port || undefined,
    method: options.method,
    path: options.path,
    headers: options.headers,
  };
  return secure
    ? httpsRequest({ ...common, agent: options.upgrade ? false : options.agents.https })
    : httpRequest({ ...common, agent: options.upgrade ? false : options.agents.http });
}

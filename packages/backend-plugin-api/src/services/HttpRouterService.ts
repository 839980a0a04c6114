import type { Handler, Router } from 'express';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

/** Lets a path inside a plugin skip the default credentials requirement. */
export interface HttpRouterServiceAuthPolicy {
  /** Relative to the plugin mount; a prefix match (`/static` covers `/static/a/b`). */
  path: string;
  allow: 'unauthenticated' | 'user-cookie';
}

/** The plugin's own router, mounted at `/api/<pluginId>`. */
export interface HttpRouterService {
  use(handler: Handler | Router): void;
  addAuthPolicy(policy: HttpRouterServiceAuthPolicy): void;
}

/**
 * Takes over a protocol upgrade (a websocket handshake). The handler owns the socket: it answers
 * or destroys it. Upgrades never pass the plugin router, so the handler checks credentials itself.
 */
export type HttpUpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

/** The root express app: what sits outside `/api/<pluginId>`. */
export interface RootHttpRouterService {
  /** Mounts a handler at a path; paths must not overlap with one already mounted. */
  use(path: string, handler: Handler | Router): void;
  /**
   * Sends upgrade requests under `path` to `handler`. Upgrades nobody claims are refused with a
   * 404, and open upgraded sockets are closed when the server drains on shutdown.
   */
  useUpgrade(path: string, handler: HttpUpgradeHandler): void;
}

import type { Handler, Router } from 'express';

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

/** The root express app: what sits outside `/api/<pluginId>`. */
export interface RootHttpRouterService {
  /** Mounts a handler at a path; paths must not overlap with one already mounted. */
  use(path: string, handler: Handler | Router): void;
}

import type { HttpUpgradeHandler, RootHttpRouterService } from '@greenroom/backend-plugin-api';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { NotFoundError, ServiceUnavailableError } from '@greenroom/errors';
import type { Handler, Request, RequestHandler, Router as ExpressRouter } from 'express';
import { Router } from 'express';
import { HEALTH_PATH } from './http/createHealthRouter';

export const DEFAULT_INDEX_PATH = '/api/app';

export interface DefaultRootHttpRouterOptions {
  /** Where the handler for every non-API path is mounted (the SPA). `false` disables it. */
  indexPath?: string | false;
  /**
   * Whether the backend has finished starting. Until then an unmatched request may be for a
   * plugin that is still mounting, so it gets 503 instead of 404.
   */
  isStarted?: () => boolean;
}

// Literal paths only: patterns would defeat the overlap check.
const LITERAL_PATH = /^\/[\w\-.~%@/]*$/;

function normalizePath(path: string): string {
  if (typeof path !== 'string' || !LITERAL_PATH.test(path)) {
    throw new Error(
      `Root router path ${JSON.stringify(path)} must be a literal path starting with /`,
    );
  }
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

/** Segment-wise prefix in either direction, ignoring case as express's routing does. */
function overlaps(first: string, second: string): boolean {
  const [a, b] = [first.toLowerCase(), second.toLowerCase()];
  const prefixOf = (prefix: string, path: string) =>
    prefix === '/' || path === prefix || path.startsWith(`${prefix}/`);
  return prefixOf(a, b) || prefixOf(b, a);
}

/** Case-insensitive, like express's own routing (`/API/catalog` reaches `/api/catalog`). */
function isApiPath(path: string): boolean {
  const lower = path.toLowerCase();
  return lower === '/api' || lower.startsWith('/api/');
}

/**
 * The root router's named routes. Paths may not overlap, so the order plugins mount in never
 * matters. After them: a JSON 404 for the rest of `/api`, the index handler for everything else,
 * and a JSON 404 if that does not answer either.
 */
export class DefaultRootHttpRouter implements RootHttpRouterService {
  readonly #indexPath: string | undefined;
  readonly #isStarted: () => boolean;
  readonly #paths: string[] = [HEALTH_PATH];
  readonly #namedRoutes: ExpressRouter = Router();
  readonly #mountOfRequest = new WeakMap<Request, string>();
  #indexHandler: Handler | ExpressRouter | undefined;
  readonly #upgrades: Array<{ path: string; handler: HttpUpgradeHandler }> = [];

  constructor(options: DefaultRootHttpRouterOptions = {}) {
    const { indexPath = DEFAULT_INDEX_PATH } = options;
    this.#indexPath = indexPath === false ? undefined : normalizePath(indexPath);
    this.#isStarted = options.isStarted ?? (() => true);
  }

  use(path: string, handler: Handler | ExpressRouter): void {
    const normalized = normalizePath(path);
    const existing = this.#paths.find(other => overlaps(other, normalized));
    if (existing !== undefined) {
      throw new Error(`Path ${path} conflicts with the existing path ${existing}`);
    }
    this.#paths.push(normalized);
    const remember: RequestHandler = (req, _res, next) => {
      this.#mountOfRequest.set(req, normalized);
      next();
    };
    this.#namedRoutes.use(normalized, remember, handler);
    if (normalized === this.#indexPath) this.#indexHandler = handler;
  }

  useUpgrade(path: string, handler: HttpUpgradeHandler): void {
    const normalized = normalizePath(path);
    const existing = this.#upgrades.find(other => overlaps(other.path, normalized));
    if (existing) {
      throw new Error(`Upgrade path ${path} conflicts with the existing path ${existing.path}`);
    }
    this.#upgrades.push({ path: normalized, handler });
  }

  /** For the server's `upgrade` event: the claiming handler, or a plain 404 and a closed socket. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const pathname = (req.url ?? '/').split('?')[0].toLowerCase();
    const claim = this.#upgrades.find(({ path }) => {
      const lower = path.toLowerCase();
      return pathname === lower || pathname.startsWith(`${lower}/`);
    });
    if (claim) {
      claim.handler(req, socket, head);
      return;
    }
    socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  }

  /** The middleware chain to mount on the app, after health and before the error handler. */
  handlers(): RequestHandler[] {
    const notFound = (message: string) =>
      this.#isStarted()
        ? new NotFoundError(message)
        : new ServiceUnavailableError('Backend has not started yet');

    const apiNotFound: RequestHandler = (req, _res, next) => {
      if (this.#mountOfRequest.has(req)) {
        next(notFound(`No route matches ${req.method} ${req.path}`));
      } else if (isApiPath(req.path)) {
        const mount = req.path.split('/').slice(0, 3).join('/');
        next(notFound(`No plugin is mounted at ${mount}`));
      } else {
        next();
      }
    };
    const index: RequestHandler = (req, res, next) => {
      if (this.#indexHandler) this.#indexHandler(req, res, next);
      else next();
    };
    const finalNotFound: RequestHandler = (req, _res, next) => {
      next(notFound(`No route matches ${req.method} ${req.path}`));
    };
    return [this.#namedRoutes, apiNotFound, index, finalNotFound];
  }
}

import { timingSafeEqual } from 'node:crypto';
import { AuthenticationError, NotAllowedError } from '@greenroom/errors';
import type { Request } from 'express';

/**
 * Refresh and logout need `X-Requested-With: XMLHttpRequest`: a cross-site page cannot send it
 * without a CORS preflight, so a plain link or form can not use the session cookie.
 */
export function requireXRequestedWith(req: Request): void {
  if (req.header('x-requested-with') !== 'XMLHttpRequest') {
    throw new AuthenticationError('Invalid X-Requested-With header');
  }
}

/** The request's `Origin` header must be an allowed origin. */
export function requireAllowedOrigin(
  req: Request,
  isOriginAllowed: (origin: string) => boolean,
): void {
  const origin = req.header('origin');
  if (!origin || !isOriginAllowed(origin)) {
    throw new NotAllowedError(
      origin ? `Origin '${origin}' is not allowed` : 'Missing Origin header',
    );
  }
}

/** A single string query or body parameter, or undefined. */
export function readParam(req: Request, name: string): string | undefined {
  const fromQuery = req.query[name];
  if (typeof fromQuery === 'string') return fromQuery;
  const body = req.body as Record<string, unknown> | undefined;
  const fromBody = body && typeof body === 'object' ? body[name] : undefined;
  return typeof fromBody === 'string' ? fromBody : undefined;
}

/** Every string query and form body parameter (the query wins). */
export function readAllParams(req: Request): Record<string, string> {
  const params: Record<string, string> = {};
  const body =
    req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {};
  for (const source of [body, req.query as Record<string, unknown>]) {
    for (const [key, value] of Object.entries(source)) {
      if (typeof value === 'string') params[key] = value;
    }
  }
  return params;
}

/** Compares two secrets in constant time. */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

import { InputError, NotAllowedError, NotFoundError } from '@greenroom/errors';
import type { Request } from 'express';
import type { AuthProviderContext } from '../extensions/types';
import { readParam } from '../flow/requestChecks';
import type { OAuthEnvironment } from './readOAuthEnvironments';

export interface StartRequest<TContext> {
  env: OAuthEnvironment<TContext>;
  origin: string | undefined;
  flow: 'popup' | 'redirect';
  redirectUrl: string | undefined;
}

/** The query of `/<provider>/start`, checked: a configured env, allowed origin and redirect URL. */
export function readStartRequest<TContext>(
  req: Request,
  envs: Map<string, OAuthEnvironment<TContext>>,
  ctx: AuthProviderContext,
): StartRequest<TContext> {
  const envName = readParam(req, 'env');
  if (!envName) throw new InputError('No env provided in request query parameters');
  const env = envs.get(envName);
  if (!env) {
    throw new NotFoundError(
      `No configuration available for the '${envName}' environment of the '${ctx.providerId}' provider`,
    );
  }
  const origin = readParam(req, 'origin');
  if (origin !== undefined && !ctx.isOriginAllowed(origin)) {
    throw new NotAllowedError(`Origin '${origin}' is not allowed`);
  }
  const flow = readParam(req, 'flow') === 'redirect' ? 'redirect' : 'popup';
  const redirectUrl = readParam(req, 'redirectUrl');
  if (redirectUrl !== undefined) {
    let redirectOrigin: string;
    try {
      redirectOrigin = new URL(redirectUrl).origin;
    } catch {
      throw new InputError('Invalid redirectUrl: not a URL');
    }
    // Only back to the app: anything else would make sign-in an open redirect.
    if (!ctx.isOriginAllowed(redirectOrigin)) {
      throw new NotAllowedError(`Redirect URL origin '${redirectOrigin}' is not allowed`);
    }
  }
  if (flow === 'redirect' && !redirectUrl) {
    throw new InputError('The redirect flow needs a redirectUrl query parameter');
  }
  return { env, origin, flow, redirectUrl };
}

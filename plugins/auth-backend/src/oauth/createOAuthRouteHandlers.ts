import { randomBytes } from 'node:crypto';
import { AuthenticationError, NotAllowedError, NotFoundError } from '@greenroom/errors';
import type { Response } from 'express';
import type { AuthProviderContext, AuthProviderRouteHandlers } from '../extensions/types';
import { readCookies, type ProviderCookieSettings } from '../flow/cookies';
import { presentError } from '../flow/presentError';
import {
  readAllParams,
  readParam,
  requireAllowedOrigin,
  requireXRequestedWith,
  sameSecret,
} from '../flow/requestChecks';
import { decodeState, encodeState, type OAuthState } from '../flow/state';
import {
  toProviderInfo,
  type ClientAuthResponse,
  type ProviderInfo,
} from '../flow/clientAuthResponse';
import { sendWebMessageResponse } from '../flow/webMessageResponse';
import type { StoredSession } from '../sessions/SessionStore';
import type { SignInInfo } from '../signIn/types';
import type { OAuthEnvironment } from './readOAuthEnvironments';
import { mergeScopes } from './scopes';
import { readStartRequest } from './readStartRequest';
import type { OAuthAuthenticator } from './types';

const NONCE_MAX_AGE_MS = 10 * 60_000;

/** start / handler/frame / refresh / logout for an OAuth provider, over its environments. */
export function createOAuthRouteHandlers<TContext>(
  ctx: AuthProviderContext,
  authenticator: OAuthAuthenticator<TContext>,
  envs: Map<string, OAuthEnvironment<TContext>>,
): AuthProviderRouteHandlers {
  const { providerId } = ctx;
  const nonceCookie = `${providerId}-nonce`;
  const refreshCookie = `${providerId}-refresh-token`;
  const appOrigin = new URL(ctx.appUrl).origin;

  const cookieOptions = (cookies: ProviderCookieSettings, path: string, maxAge: number) => ({
    httpOnly: true,
    secure: cookies.secure,
    sameSite: cookies.sameSite,
    path,
    maxAge,
  });

  const clearRefreshCookies = (res: Response) => {
    // Environments may have different callback paths; clear the cookie on each.
    const seen = new Set<string>();
    for (const { cookies } of envs.values()) {
      if (seen.has(cookies.path)) continue;
      seen.add(cookies.path);
      res.clearCookie(refreshCookie, cookieOptions(cookies, cookies.path, 0));
    }
  };

  // The state comes back through the browser, so its redirect URL is checked again here.
  const allowedRedirect = (state: OAuthState | undefined): URL | undefined => {
    if (state?.flow !== 'redirect' || !state.redirectUrl) return undefined;
    try {
      const url = new URL(state.redirectUrl);
      return ctx.isOriginAllowed(url.origin) ? url : undefined;
    } catch {
      return undefined;
    }
  };

  const respond = async (
    env: OAuthEnvironment<TContext>,
    signIn: SignInInfo,
    providerInfo: ProviderInfo,
  ): Promise<ClientAuthResponse> => {
    const response: ClientAuthResponse = { profile: signIn.profile, providerInfo };
    if (env.resolveSignIn) {
      const identity = await env.resolveSignIn(signIn);
      response.backstageIdentity = await ctx.issueUserToken(identity);
      ctx.logger.info(
        `Signed in ${response.backstageIdentity.identity.userEntityRef} with '${providerId}'`,
      );
    }
    return response;
  };

  return {
    async start(req, res) {
      const { env, origin, flow, redirectUrl } = readStartRequest(req, envs, ctx);
      const scope = mergeScopes(env.requiredScopes, env.additionalScopes, readParam(req, 'scope'));
      const nonce = randomBytes(16).toString('base64url');
      const state: OAuthState = { nonce, env: env.env, origin, redirectUrl, flow, scope };
      const { url, secrets } = await authenticator.start(
        { state: encodeState(state), scope, callbackUrl: env.callbackUrl },
        env.authenticator,
      );
      // Saved even when empty: the callback must find it, which makes every callback single-use.
      await ctx.pendingSignIns.save(providerId, nonce, secrets ?? {});
      res.cookie(
        nonceCookie,
        nonce,
        cookieOptions(env.cookies, `${env.cookies.path}/handler`, NONCE_MAX_AGE_MS),
      );
      res.status(302).setHeader('Location', url).setHeader('Content-Length', '0').end();
    },

    async frameHandler(req, res) {
      let targetOrigin = appOrigin;
      let state: OAuthState | undefined;
      try {
        state = decodeState(readParam(req, 'state'));
        if (state.origin !== undefined) {
          if (!ctx.isOriginAllowed(state.origin)) {
            throw new NotAllowedError(`Origin '${state.origin}' is not allowed`);
          }
          targetOrigin = state.origin;
        }
        const cookieNonce = readCookies(req)[nonceCookie];
        if (!cookieNonce) throw new NotAllowedError('Auth response is missing cookie nonce');
        if (!sameSecret(cookieNonce, state.nonce)) throw new NotAllowedError('Invalid nonce');
        const env = envs.get(state.env);
        if (!env)
          throw new NotFoundError(`No configuration available for the '${state.env}' environment`);
        res.clearCookie(nonceCookie, cookieOptions(env.cookies, `${env.cookies.path}/handler`, 0));

        const secrets = await ctx.pendingSignIns.take(providerId, state.nonce);
        if (!secrets) {
          throw new AuthenticationError(
            'This sign-in attempt expired or was already used; sign in again',
          );
        }
        const params = readAllParams(req);
        if (params.error) {
          const detail = params.error_description ? ` (${params.error_description})` : '';
          throw new AuthenticationError(
            `The identity provider refused the sign-in: ${params.error}${detail}`,
          );
        }
        const result = await authenticator.authenticate(
          { params, callbackUrl: env.callbackUrl, secrets },
          env.authenticator,
        );
        const response = await respond(env, result.signIn, toProviderInfo(result.session));
        const stored: StoredSession = {
          env: env.env,
          signIn: {
            profile: { ...result.signIn.profile },
            username: result.signIn.username,
            claims: result.signIn.claims,
          },
          providerRefreshToken: result.session.refreshToken,
          scope: result.session.scope || state.scope,
        };
        const handle = await ctx.sessions.create(providerId, stored, env.sessionDurationMs);
        res.cookie(
          refreshCookie,
          handle,
          cookieOptions(env.cookies, env.cookies.path, env.sessionDurationMs),
        );
        if (state.flow === 'redirect') {
          const target = allowedRedirect(state);
          if (!target) throw new NotAllowedError('The redirectUrl of this sign-in is not allowed');
          res.redirect(302, target.toString());
          return;
        }
        sendWebMessageResponse(res, targetOrigin, { type: 'authorization_response', response });
      } catch (error) {
        const presented = presentError(error, { ...ctx, providerId });
        const target = allowedRedirect(state);
        if (target) {
          target.searchParams.set('error', presented.message);
          res.redirect(302, target.toString());
          return;
        }
        sendWebMessageResponse(res, targetOrigin, {
          type: 'authorization_response',
          error: presented,
        });
      }
    },

    async refresh(req, res) {
      requireXRequestedWith(req);
      const handle = readCookies(req)[refreshCookie];
      if (!handle) throw new AuthenticationError('Refresh failed');
      const session = await ctx.sessions.get(providerId, handle);
      const env = session && envs.get(session.env);
      if (!session || !env) {
        clearRefreshCookies(res);
        throw new AuthenticationError('Refresh failed');
      }
      if (!session.providerRefreshToken || !authenticator.refresh) {
        res.json(await respond(env, session.signIn, { scope: session.scope }));
        return;
      }
      const scope = mergeScopes(session.scope, readParam(req, 'scope'));
      let result;
      try {
        result = await authenticator.refresh(
          { refreshToken: session.providerRefreshToken, scope },
          env.authenticator,
        );
      } catch (error) {
        // The identity provider ended the session (revoked, expired): so do we.
        ctx.logger.info(`Refresh with '${providerId}' was refused by the identity provider`, {
          reason: (error as Error)?.message,
        });
        await ctx.sessions.delete(providerId, handle);
        clearRefreshCookies(res);
        throw new AuthenticationError('Refresh failed');
      }
      const signIn = result.signIn ?? session.signIn;
      await ctx.sessions.update(providerId, handle, {
        ...session,
        signIn,
        providerRefreshToken: result.session.refreshToken ?? session.providerRefreshToken,
        scope: result.session.scope || scope,
      });
      res.json(await respond(env, signIn, toProviderInfo(result.session)));
    },

    async logout(req, res) {
      requireXRequestedWith(req);
      requireAllowedOrigin(req, ctx.isOriginAllowed);
      const handle = readCookies(req)[refreshCookie];
      if (handle) {
        const session = await ctx.sessions.get(providerId, handle);
        const env = session && envs.get(session.env);
        if (session?.providerRefreshToken && env && authenticator.logout) {
          try {
            await authenticator.logout(
              { refreshToken: session.providerRefreshToken },
              env.authenticator,
            );
          } catch (error) {
            ctx.logger.warn(`Revoking the '${providerId}' refresh token at sign-out failed`, {
              reason: (error as Error)?.message,
            });
          }
        }
        await ctx.sessions.delete(providerId, handle);
      }
      clearRefreshCookies(res);
      res.status(200).end();
    },
  };
}

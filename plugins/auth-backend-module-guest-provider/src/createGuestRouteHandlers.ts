import { NotAllowedError } from '@greenroom/errors';
import {
  presentError,
  readParam,
  requireXRequestedWith,
  sendWebMessageResponse,
  type AuthProviderContext,
  type AuthProviderRouteHandlers,
  type ClientAuthResponse,
} from '@greenroom/plugin-auth-backend';
import type { GuestSettings } from './readGuestSettings';

/**
 * Guest sign-in: no identity provider and no session. Every sign-in and refresh issues a token
 * for the configured user, with ownership from the catalog when it has that user.
 */
export function createGuestRouteHandlers(
  ctx: AuthProviderContext,
  settings: GuestSettings,
): AuthProviderRouteHandlers {
  const appOrigin = new URL(ctx.appUrl).origin;

  const respond = async (): Promise<ClientAuthResponse> => {
    const { catalog } = ctx.signInResolvers.context('guest');
    const found = catalog
      ? await catalog.findUser({ entityRef: settings.userEntityRef })
      : undefined;
    const backstageIdentity = await ctx.issueUserToken(
      found ?? {
        userEntityRef: settings.userEntityRef,
        ownershipEntityRefs: settings.ownershipEntityRefs,
      },
    );
    return { profile: { displayName: 'Guest' }, providerInfo: {}, backstageIdentity };
  };

  return {
    async start(req, res) {
      const query = new URLSearchParams();
      for (const [key, value] of Object.entries(req.query)) {
        if (typeof value === 'string') query.set(key, value);
      }
      res.redirect(302, `${req.baseUrl}/${ctx.providerId}/handler/frame?${query}`);
    },

    async frameHandler(req, res) {
      const origin = readParam(req, 'origin');
      const targetOrigin = origin && ctx.isOriginAllowed(origin) ? origin : appOrigin;
      try {
        if (origin !== undefined && targetOrigin !== origin) {
          throw new NotAllowedError(`Origin '${origin}' is not allowed`);
        }
        const response = await respond();
        const redirectUrl = readParam(req, 'redirectUrl');
        if (readParam(req, 'flow') === 'redirect' && redirectUrl) {
          if (!ctx.isOriginAllowed(new URL(redirectUrl).origin)) {
            throw new NotAllowedError('The redirectUrl of this sign-in is not allowed');
          }
          res.redirect(302, redirectUrl);
          return;
        }
        sendWebMessageResponse(res, targetOrigin, { type: 'authorization_response', response });
      } catch (error) {
        sendWebMessageResponse(res, targetOrigin, {
          type: 'authorization_response',
          error: presentError(error, ctx),
        });
      }
    },

    async refresh(req, res) {
      requireXRequestedWith(req);
      res.json(await respond());
    },

    async logout(req, res) {
      requireXRequestedWith(req);
      res.status(200).end();
    },
  };
}

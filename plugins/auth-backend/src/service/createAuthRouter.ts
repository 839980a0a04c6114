import { AuthenticationError, NotFoundError } from '@greenroom/errors';
import express, { Router, type Request, type Response } from 'express';
import type { AuthProviderRouteHandlers } from '../extensions/types';
import type { SigningKeyStore } from '../identity/SigningKeyStore';
import type { UserInfoStore } from '../identity/UserInfoStore';
import { verifyOwnUserToken } from '../identity/verifyOwnUserToken';
import type { ProviderState } from './initProviders';

export interface AuthRouterOptions {
  keys: SigningKeyStore;
  userInfo: UserInfoStore;
  /** The external base URL of the auth plugin: `iss` of its tokens. */
  issuer: () => Promise<string>;
  providers: Map<string, ProviderState>;
  /** Provider ids in the order `auth.providers` lists them. */
  configuredOrder: string[];
}

type Action = keyof AuthProviderRouteHandlers;

/** `/.well-known/*`, `/v1/userinfo`, `/providers` and `/<provider>/{start,handler/frame,refresh,logout}`. */
export function createAuthRouter(options: AuthRouterOptions): Router {
  const { keys, userInfo, providers } = options;
  const router = Router();

  router.get('/.well-known/openid-configuration', async (_req, res) => {
    const issuer = await options.issuer();
    res.json({
      issuer,
      jwks_uri: `${issuer}/.well-known/jwks.json`,
      userinfo_endpoint: `${issuer}/v1/userinfo`,
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['ES256'],
      scopes_supported: ['openid'],
      claims_supported: ['sub', 'ent'],
    });
  });

  router.get('/.well-known/jwks.json', async (_req, res) => {
    res.json({ keys: await keys.listPublicKeys() });
  });

  router.get('/v1/userinfo', async (req, res) => {
    const match = /^Bearer[ ]+(\S+)$/i.exec(req.header('authorization') ?? '');
    if (!match) {
      throw new AuthenticationError('Missing credentials: send Authorization: Bearer <user token>');
    }
    const { sub } = await verifyOwnUserToken(match[1], { keys, issuer: await options.issuer() });
    const info = await userInfo.get(sub);
    if (!info) throw new NotFoundError('User info not found');
    // Flat claims (OpenID Connect) plus `claims` (what Backstage's userInfo service reads).
    res.json({ sub: info.sub, ent: info.ent, claims: { sub: info.sub, ent: info.ent } });
  });

  router.get('/providers', (_req, res) => {
    const enabled = options.configuredOrder.filter(id => providers.get(id)?.status === 'ready');
    res.json({ providers: enabled.map(id => ({ id })) });
  });

  const handle = (action: Action) => async (req: Request, res: Response) => {
    const providerId = String(req.params.provider);
    const state = providers.get(providerId);
    if (!state) throw new NotFoundError(`Unknown auth provider '${providerId}'`);
    switch (state.status) {
      case 'unconfigured':
        throw new NotFoundError(
          `No auth provider registered for '${providerId}': it is not configured at auth.providers.${providerId}`,
        );
      case 'disabled':
        throw new NotFoundError(state.reason);
      case 'misconfigured':
        throw new NotFoundError(
          `The ${providerId} auth provider is misconfigured: ${state.reason}`,
        );
    }
    const handler = state.handlers[action];
    if (!handler) {
      throw new NotFoundError(`The ${providerId} auth provider does not support ${action}`);
    }
    await handler.call(state.handlers, req, res);
  };

  // The identity provider may post the callback as a form (response_mode=form_post).
  const form = express.urlencoded({ extended: false, limit: '64kb' });
  router.get('/:provider/start', handle('start'));
  router.get('/:provider/handler/frame', handle('frameHandler'));
  router.post('/:provider/handler/frame', form, handle('frameHandler'));
  router.get('/:provider/refresh', handle('refresh'));
  router.post('/:provider/refresh', handle('refresh'));
  router.post('/:provider/logout', handle('logout'));
  return router;
}

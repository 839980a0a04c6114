import { AuthenticationError, InputError } from '@greenroom/errors';
import type {
  OAuthAuthenticator,
  OAuthAuthenticatorRefreshResult,
  OAuthProviderSession,
} from '@greenroom/plugin-auth-backend';
import { discoverIssuer, type DiscoveredIssuer } from './discoverIssuer';
import { fetchUserInfo } from './fetchUserInfo';
import { createPkcePair } from './pkce';
import { readOidcConfig, type OidcSettings } from './readOidcConfig';
import { toSignInInfo } from './toSignInInfo';
import { requestTokens, revokeToken, type TokenResponse } from './tokenEndpoint';
import { verifyIdToken } from './verifyIdToken';
import { randomBytes } from 'node:crypto';

interface OidcContext {
  settings: OidcSettings;
  issuer?: DiscoveredIssuer;
}

function discovered(ctx: OidcContext): DiscoveredIssuer {
  if (!ctx.issuer) throw new Error('The OpenID Connect issuer has not been discovered');
  return ctx.issuer;
}

function toSession(tokens: TokenResponse, requestedScope: string): OAuthProviderSession {
  return {
    accessToken: tokens.access_token,
    tokenType: tokens.token_type,
    idToken: tokens.id_token,
    scope: tokens.scope ?? requestedScope,
    expiresInSeconds: typeof tokens.expires_in === 'number' ? tokens.expires_in : undefined,
    refreshToken: tokens.refresh_token,
  };
}

/**
 * Authorization code flow with PKCE (S256) against any OpenID Connect issuer: endpoints from
 * its metadata, ID tokens checked against its JWKS, the profile from the ID token and userinfo.
 */
export const oidcAuthenticator: OAuthAuthenticator<OidcContext> = {
  requiredScopes: ['openid', 'profile', 'email'],

  initialize(input) {
    return { settings: readOidcConfig(input) };
  },

  async prepare(ctx) {
    ctx.issuer = await discoverIssuer(ctx.settings.metadataUrl, ctx.settings.timeoutMs);
  },

  async start({ state, scope, callbackUrl }, ctx) {
    const { metadata } = discovered(ctx);
    const { verifier, challenge } = createPkcePair();
    const nonce = randomBytes(16).toString('base64url');
    const url = new URL(metadata.authorization_endpoint);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('client_id', ctx.settings.clientId);
    url.searchParams.set('redirect_uri', callbackUrl);
    url.searchParams.set('scope', scope);
    url.searchParams.set('state', state);
    url.searchParams.set('nonce', nonce);
    url.searchParams.set('code_challenge', challenge);
    url.searchParams.set('code_challenge_method', 'S256');
    if (ctx.settings.prompt) url.searchParams.set('prompt', ctx.settings.prompt);
    return { url: url.toString(), secrets: { verifier, nonce } };
  },

  async authenticate({ params, callbackUrl, secrets }, ctx) {
    const { metadata, keys } = discovered(ctx);
    // RFC 9207: when the issuer names itself in the response, it must be the one we asked.
    if (params.iss !== undefined && params.iss !== metadata.issuer) {
      throw new AuthenticationError('The authorization response came from another issuer');
    }
    if (!params.code) throw new InputError('The identity provider callback has no code');
    if (!secrets.verifier || !secrets.nonce) {
      throw new AuthenticationError('This sign-in attempt was not started here; sign in again');
    }
    const tokens = await requestTokens(
      metadata.token_endpoint,
      {
        grant_type: 'authorization_code',
        code: params.code,
        redirect_uri: callbackUrl,
        code_verifier: secrets.verifier,
      },
      ctx.settings,
      'authorization code',
    );
    if (!tokens.id_token)
      throw new AuthenticationError('The identity provider returned no ID token');
    const idClaims = await verifyIdToken(tokens.id_token, {
      issuer: metadata.issuer,
      clientId: ctx.settings.clientId,
      keys,
      algorithms: ctx.settings.idTokenAlgorithms,
      nonce: secrets.nonce,
    });
    const userInfo = metadata.userinfo_endpoint
      ? await fetchUserInfo(
          metadata.userinfo_endpoint,
          tokens.access_token,
          idClaims.sub,
          ctx.settings.timeoutMs,
        )
      : {};
    return { signIn: toSignInInfo({ ...idClaims, ...userInfo }), session: toSession(tokens, '') };
  },

  async refresh({ refreshToken, scope }, ctx): Promise<OAuthAuthenticatorRefreshResult> {
    const { metadata, keys } = discovered(ctx);
    const tokens = await requestTokens(
      metadata.token_endpoint,
      { grant_type: 'refresh_token', refresh_token: refreshToken },
      ctx.settings,
      'refresh token',
    );
    const idClaims = tokens.id_token
      ? await verifyIdToken(tokens.id_token, {
          issuer: metadata.issuer,
          clientId: ctx.settings.clientId,
          keys,
          algorithms: ctx.settings.idTokenAlgorithms,
        })
      : undefined;
    const userInfo = metadata.userinfo_endpoint
      ? await fetchUserInfo(
          metadata.userinfo_endpoint,
          tokens.access_token,
          idClaims?.sub,
          ctx.settings.timeoutMs,
        )
      : undefined;
    const claims = { ...idClaims, ...userInfo };
    return {
      signIn: idClaims || userInfo ? toSignInInfo(claims) : undefined,
      session: toSession(tokens, scope),
    };
  },

  async logout({ refreshToken }, ctx) {
    const { metadata } = discovered(ctx);
    if (metadata.revocation_endpoint) {
      await revokeToken(metadata.revocation_endpoint, refreshToken, ctx.settings);
    }
  },
};

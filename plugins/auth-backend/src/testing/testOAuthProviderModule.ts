import { randomBytes } from 'node:crypto';
import { createBackendModule } from '@greenroom/backend-plugin-api';
import { AuthenticationError } from '@greenroom/errors';
import { authProvidersExtensionPoint } from '../extensions/authProvidersExtensionPoint';
import { createOAuthProviderFactory } from '../oauth/createOAuthProviderFactory';
import type { OAuthAuthenticator } from '../oauth/types';

/** The state of the in-test "identity provider": which refresh tokens it still honours. */
export interface TestIdentityProvider {
  issuedRefreshTokens: string[];
  revoked: Set<string>;
  /** Set to make `prepare` fail, as an unreachable identity provider would. */
  unreachable?: boolean;
}

interface TestContext {
  email: string;
  name: string;
  idp: TestIdentityProvider;
}

/**
 * An OAuth authenticator whose identity provider lives in the test: `start` sends the browser
 * straight back to the callback with a code, `authenticate` checks the code against the PKCE-like
 * secret saved at start. It exercises every part of the OAuth flow that belongs to the plugin.
 */
function testAuthenticator(idp: TestIdentityProvider): OAuthAuthenticator<TestContext> {
  return {
    requiredScopes: ['openid', 'email'],
    initialize({ config }) {
      return {
        email: config.getString('email'),
        name: config.getOptionalString('name') ?? 'Test User',
        idp,
      };
    },
    async prepare(ctx) {
      if (ctx.idp.unreachable)
        throw new Error('connect ECONNREFUSED 127.0.0.1:1 (test identity provider)');
    },
    async start({ state, callbackUrl }) {
      const verifier = randomBytes(8).toString('hex');
      const url = new URL(callbackUrl);
      url.searchParams.set('code', `code-for-${verifier}`);
      url.searchParams.set('state', state);
      return { url: url.toString(), secrets: { verifier } };
    },
    async authenticate({ params, secrets }, ctx) {
      if (params.code !== `code-for-${secrets.verifier}`) throw new AuthenticationError('Bad code');
      const refreshToken = `idp-refresh-${randomBytes(12).toString('hex')}`;
      ctx.idp.issuedRefreshTokens.push(refreshToken);
      return {
        signIn: {
          profile: { email: ctx.email, displayName: ctx.name },
          username: ctx.email.split('@')[0],
          claims: { email: ctx.email },
        },
        session: {
          accessToken: `idp-access-${randomBytes(12).toString('hex')}`,
          scope: 'openid email',
          expiresInSeconds: 300,
          refreshToken,
        },
      };
    },
    async refresh({ refreshToken }, ctx) {
      if (ctx.idp.revoked.has(refreshToken)) throw new Error('invalid_grant');
      return {
        signIn: {
          profile: { email: ctx.email, displayName: ctx.name },
          claims: { email: ctx.email },
        },
        session: {
          accessToken: `idp-access-${randomBytes(12).toString('hex')}`,
          scope: 'openid email',
        },
      };
    },
    async logout({ refreshToken }, ctx) {
      ctx.idp.revoked.add(refreshToken);
    },
  };
}

export function createTestIdentityProvider(): TestIdentityProvider {
  return { issuedRefreshTokens: [], revoked: new Set() };
}

/** A module adding the `test` OAuth provider, backed by `idp`. */
export function testOAuthProviderModule(idp: TestIdentityProvider, providerId = 'test') {
  return createBackendModule({
    pluginId: 'auth',
    moduleId: `${providerId}-provider`,
    register(env) {
      env.registerInit({
        deps: { providers: authProvidersExtensionPoint },
        async init({ providers }) {
          providers.registerProvider({
            providerId,
            factory: createOAuthProviderFactory({ authenticator: testAuthenticator(idp) }),
          });
        },
      });
    },
  });
}

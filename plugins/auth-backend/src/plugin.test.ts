import { createBackendModule } from '@greenroom/backend-plugin-api';
import type { JsonObject } from '@greenroom/config';
import { decodeJwt } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { authSignInResolversExtensionPoint } from './extensions/authSignInResolversExtensionPoint';
import { startAuthTestBackend, type AuthTestBackend } from './testing/startAuthTestBackend';
import { popupMessage } from './testing/oauthFlow';
import { TestBrowser } from '@greenroom/backend-test-utils';
import {
  createTestIdentityProvider,
  testOAuthProviderModule,
} from './testing/testOAuthProviderModule';

let backend: AuthTestBackend | undefined;
afterEach(async () => {
  await backend?.stop();
  backend = undefined;
});

interface PopupResult {
  response: {
    backstageIdentity: {
      token: string;
      expiresInSeconds: number;
      identity: Record<string, unknown>;
    };
  };
}

/** A module that teaches sign-in about a directory: a custom resolver and a catalog lookup. */
const directoryModule = createBackendModule({
  pluginId: 'auth',
  moduleId: 'directory',
  register(env) {
    env.registerInit({
      deps: { signIn: authSignInResolversExtensionPoint },
      async init({ signIn }) {
        signIn.setCatalogLookup({
          async findUser(query) {
            if ('entityRef' in query && query.entityRef === 'user:default/jdoe') {
              return {
                userEntityRef: 'user:default/jdoe',
                ownershipEntityRefs: ['user:default/jdoe', 'group:default/team-a'],
              };
            }
            return undefined;
          },
        });
        signIn.registerSignInResolver('staffOnly', async (info, ctx) => {
          if (!info.profile.email?.endsWith(`@${String(ctx.options.domain)}`)) {
            throw new Error('not staff');
          }
          return ctx.signInWithCatalogUser({
            entityRef: `user:default/${info.profile.email.split('@')[0]}`,
          });
        });
      },
    });
  },
});

const providerConfig = (resolvers: JsonObject[]) => ({
  auth: {
    providers: { test: { development: { email: 'jdoe@example.com', signIn: { resolvers } } } },
  },
});

describe('authPlugin', () => {
  it('uses custom resolvers and the catalog lookup that modules register', async () => {
    backend = await startAuthTestBackend({
      features: [testOAuthProviderModule(createTestIdentityProvider()), directoryModule],
      config: providerConfig([{ resolver: 'staffOnly', domain: 'example.com' }]),
    });
    const { response } = (await popupMessage(backend)) as unknown as PopupResult;
    expect(response.backstageIdentity.identity).toEqual({
      type: 'user',
      userEntityRef: 'user:default/jdoe',
      ownershipEntityRefs: ['user:default/jdoe', 'group:default/team-a'],
    });
    expect(decodeJwt(response.backstageIdentity.token).ent).toEqual([
      'user:default/jdoe',
      'group:default/team-a',
    ]);
  });

  it('reports a resolver failure to the popup without issuing a token', async () => {
    backend = await startAuthTestBackend({
      features: [testOAuthProviderModule(createTestIdentityProvider()), directoryModule],
      config: providerConfig([{ resolver: 'staffOnly', domain: 'corp.example' }]),
    });
    const message = (await popupMessage(backend)) as unknown as {
      error: { name: string; message: string };
    };
    // An untyped error's message stays in the log outside development.
    expect(message.error).toEqual({
      name: 'Error',
      message: 'Sign-in failed; the backend log has the details',
    });
    const logged = backend.logs.find(line => line.message === "Sign-in with 'test' failed");
    expect((logged?.meta.error as Error).message).toBe('not staff');
  });

  it('signs tokens for auth.backstageTokenExpiration and clamps it to at least 10 minutes', async () => {
    backend = await startAuthTestBackend({
      features: [testOAuthProviderModule(createTestIdentityProvider())],
      config: {
        ...providerConfig([
          {
            resolver: 'emailLocalPartMatchingUserEntityName',
            dangerouslyAllowSignInWithoutUserInCatalog: true,
          },
        ]),
        auth: {
          ...providerConfig([
            {
              resolver: 'emailLocalPartMatchingUserEntityName',
              dangerouslyAllowSignInWithoutUserInCatalog: true,
            },
          ]).auth,
          backstageTokenExpiration: { minutes: 30 },
        },
      },
    });
    const { token, expiresInSeconds } = ((await popupMessage(backend)) as unknown as PopupResult)
      .response.backstageIdentity;
    const { iat, exp } = decodeJwt(token);
    expect(exp! - iat!).toBe(1800);
    expect(expiresInSeconds).toBe(1800);
    await backend.stop();

    backend = await startAuthTestBackend({ config: { auth: { backstageTokenExpiration: '1m' } } });
    expect(backend.logs.map(line => line.message)).toContain(
      'auth.backstageTokenExpiration must be between 10 minutes and 24 hours; using 600 seconds',
    );
  });

  it('refuses an unreadable token expiration at startup, naming the key', async () => {
    await expect(
      startAuthTestBackend({ config: { auth: { backstageTokenExpiration: 'soon' } } }),
    ).rejects.toThrow("Invalid duration in config at 'auth.backstageTokenExpiration'");
  });

  it('never logs tokens, session handles or identity provider tokens', async () => {
    const idp = createTestIdentityProvider();
    backend = await startAuthTestBackend({
      features: [testOAuthProviderModule(idp)],
      config: {
        ...providerConfig([
          {
            resolver: 'emailLocalPartMatchingUserEntityName',
            dangerouslyAllowSignInWithoutUserInCatalog: true,
          },
        ]),
        backend: { logger: { level: 'debug' } },
      },
    });
    const browser = new TestBrowser();
    const { response } = (await popupMessage(backend, browser)) as unknown as PopupResult;
    const host = new URL(backend.url).host;
    const handle = browser.cookie(host, 'test-refresh-token')!;
    const refreshed = await (
      await browser.fetch(`${backend.authUrl}/test/refresh`, {
        headers: { 'x-requested-with': 'XMLHttpRequest' },
      })
    ).json();
    idp.revoked.add(idp.issuedRefreshTokens[0]);
    await browser.fetch(`${backend.authUrl}/test/refresh`, {
      headers: { 'x-requested-with': 'XMLHttpRequest' },
    });

    const secrets = [
      response.backstageIdentity.token,
      refreshed.backstageIdentity.token,
      refreshed.providerInfo.accessToken,
      handle,
      idp.issuedRefreshTokens[0],
    ];
    expect(secrets.every(Boolean)).toBe(true);
    const logText = JSON.stringify(backend.logs);
    expect(backend.logs.some(line => line.message.includes('Signed in user:default/jdoe'))).toBe(
      true,
    );
    for (const secret of secrets) expect(logText).not.toContain(secret);
  });
});

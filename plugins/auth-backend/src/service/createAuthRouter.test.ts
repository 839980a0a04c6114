import { createBackendModule } from '@greenroom/backend-plugin-api';
import { generateKeyPair, SignJWT, decodeProtectedHeader } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { authProvidersExtensionPoint } from '../extensions/authProvidersExtensionPoint';
import { startAuthTestBackend, type AuthTestBackend } from '../testing/startAuthTestBackend';
import { signInToken } from '../testing/oauthFlow';
import {
  createTestIdentityProvider,
  testOAuthProviderModule,
} from '../testing/testOAuthProviderModule';

let backend: AuthTestBackend | undefined;
afterEach(async () => {
  await backend?.stop();
  backend = undefined;
});

const testProvider = (email = 'jdoe@example.com') => ({
  development: {
    email,
    signIn: {
      resolvers: [
        {
          resolver: 'emailLocalPartMatchingUserEntityName',
          dangerouslyAllowSignInWithoutUserInCatalog: true,
        },
      ],
    },
  },
});

/** A module registering a provider that is never configured. */
const unconfiguredModule = createBackendModule({
  pluginId: 'auth',
  moduleId: 'unconfigured-provider',
  register(env) {
    env.registerInit({
      deps: { providers: authProvidersExtensionPoint },
      async init({ providers }) {
        providers.registerProvider({
          providerId: 'github',
          factory: () => {
            throw new Error('never called: not configured');
          },
        });
      },
    });
  },
});

describe('auth router', () => {
  it('publishes the ES256 signing key and an OpenID configuration, without credentials', async () => {
    backend = await startAuthTestBackend();
    const jwks = await (await fetch(`${backend.authUrl}/.well-known/jwks.json`)).json();
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toEqual({
      kty: 'EC',
      crv: 'P-256',
      x: expect.any(String),
      y: expect.any(String),
      kid: expect.stringMatching(/^[0-9a-f-]{36}$/),
      alg: 'ES256',
      use: 'sig',
    });
    expect(jwks.keys[0]).not.toHaveProperty('d');

    const configuration = await (
      await fetch(`${backend.authUrl}/.well-known/openid-configuration`)
    ).json();
    expect(configuration).toEqual({
      issuer: 'http://127.0.0.1/api/auth',
      jwks_uri: 'http://127.0.0.1/api/auth/.well-known/jwks.json',
      userinfo_endpoint: 'http://127.0.0.1/api/auth/v1/userinfo',
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['ES256'],
      scopes_supported: ['openid'],
      claims_supported: ['sub', 'ent'],
    });
  });

  it('lists the configured and enabled providers in config order', async () => {
    backend = await startAuthTestBackend({
      features: [
        testOAuthProviderModule(createTestIdentityProvider(), 'zeta'),
        testOAuthProviderModule(createTestIdentityProvider(), 'alpha'),
        unconfiguredModule,
      ],
      config: { auth: { providers: { zeta: testProvider(), alpha: testProvider() } } },
    });
    expect(await (await fetch(`${backend.authUrl}/providers`)).json()).toEqual({
      providers: [{ id: 'zeta' }, { id: 'alpha' }],
    });
  });

  it('answers 404 for unknown and unconfigured providers', async () => {
    backend = await startAuthTestBackend({ features: [unconfiguredModule] });
    const unknown = await fetch(`${backend.authUrl}/nope/start?env=development`);
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.message).toBe("Unknown auth provider 'nope'");
    const unconfigured = await fetch(`${backend.authUrl}/github/refresh`, {
      headers: { 'x-requested-with': 'XMLHttpRequest' },
    });
    expect(unconfigured.status).toBe(404);
    expect((await unconfigured.json()).error.message).toBe(
      "No auth provider registered for 'github': it is not configured at auth.providers.github",
    );
    expect(await (await fetch(`${backend.authUrl}/providers`)).json()).toEqual({ providers: [] });
  });

  it('serves the stored user info for full and limited tokens, and refuses bad tokens', async () => {
    backend = await startAuthTestBackend({
      features: [testOAuthProviderModule(createTestIdentityProvider())],
      config: { auth: { providers: { test: testProvider() } } },
    });
    const token = await signInToken(backend);
    const userinfo = (authorization?: string) =>
      fetch(`${backend!.authUrl}/v1/userinfo`, { headers: authorization ? { authorization } : {} });

    const ok = await userinfo(`Bearer ${token}`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({
      sub: 'user:default/jdoe',
      ent: ['user:default/jdoe'],
      claims: { sub: 'user:default/jdoe', ent: ['user:default/jdoe'] },
    });

    const [, payloadPart] = token.split('.');
    const payload = JSON.parse(Buffer.from(payloadPart, 'base64url').toString());
    const { kid } = decodeProtectedHeader(token);
    const limited = [
      Buffer.from(
        JSON.stringify({ typ: 'vnd.backstage.limited-user', alg: 'ES256', kid }),
      ).toString('base64url'),
      Buffer.from(
        JSON.stringify({ sub: payload.sub, iat: payload.iat, exp: payload.exp }),
      ).toString('base64url'),
      payload.uip,
    ].join('.');
    expect((await userinfo(`Bearer ${limited}`)).status).toBe(200);

    const missing = await userinfo();
    expect(missing.status).toBe(401);
    expect((await missing.json()).error.message).toMatch(/^Missing credentials/);
    expect((await userinfo('Bearer garbage')).status).toBe(401);
    expect((await userinfo(`Bearer ${'a'.repeat(15_000)}`)).status).toBe(401);

    // Same claims and kid, signed by a key that is not ours.
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT(payload)
      .setProtectedHeader({ alg: 'ES256', kid, typ: 'vnd.backstage.user' })
      .sign(privateKey);
    expect((await userinfo(`Bearer ${forged}`)).status).toBe(401);

    // Our key, but the token was tampered with (another subject).
    const [h, , s] = token.split('.');
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...payload, sub: 'user:default/admin' })).toString('base64url')}.${s}`;
    expect((await userinfo(`Bearer ${tampered}`)).status).toBe(401);

    const alg = Buffer.from(JSON.stringify({ alg: 'none', typ: 'vnd.backstage.user' })).toString(
      'base64url',
    );
    const unsigned = `${alg}.${payloadPart}.`;
    expect((await userinfo(`Bearer ${unsigned}`)).status).toBe(401);

    const pluginToken = await new SignJWT({ sub: 'catalog', aud: 'auth' })
      .setProtectedHeader({ alg: 'ES256', typ: 'vnd.backstage.plugin' })
      .sign(privateKey);
    expect((await userinfo(`Bearer ${pluginToken}`)).status).toBe(400);
  });
});

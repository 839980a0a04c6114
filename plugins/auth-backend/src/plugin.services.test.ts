import { coreServices, createBackendPlugin } from '@greenroom/backend-plugin-api';
import { Router } from 'express';
import { decodeProtectedHeader } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { startAuthTestBackend, type AuthTestBackend } from './testing/startAuthTestBackend';
import { signInConfig, signInToken } from './testing/oauthFlow';
import {
  createTestIdentityProvider,
  testOAuthProviderModule,
} from './testing/testOAuthProviderModule';

// The tokens this plugin issues, checked by the core auth, httpAuth and userInfo services the
// way every other plugin sees them.
let backend: AuthTestBackend | undefined;
afterEach(async () => {
  await backend?.stop();
  backend = undefined;
});

const whoamiPlugin = createBackendPlugin({
  pluginId: 'whoami',
  register(env) {
    env.registerInit({
      deps: {
        http: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        userInfo: coreServices.userInfo,
      },
      async init({ http, httpAuth, auth, userInfo }) {
        const router = Router();
        router.get('/me', async (req, res) => {
          const credentials = await httpAuth.credentials(req, { allow: ['user'] });
          res.json(await userInfo.getUserInfo(credentials));
        });
        router.get('/limited', async (req, res) => {
          const token = (req.header('authorization') ?? '').replace(/^Bearer /, '');
          const credentials = await auth.authenticate(token, { allowLimitedAccess: true });
          res.json(await userInfo.getUserInfo(credentials));
        });
        http.addAuthPolicy({ path: '/limited', allow: 'unauthenticated' });
        http.use(router);
      },
    });
  },
});

function limitedTokenOf(token: string): string {
  const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
  const { kid } = decodeProtectedHeader(token);
  return [
    Buffer.from(JSON.stringify({ typ: 'vnd.backstage.limited-user', alg: 'ES256', kid })).toString(
      'base64url',
    ),
    Buffer.from(JSON.stringify({ sub: payload.sub, iat: payload.iat, exp: payload.exp })).toString(
      'base64url',
    ),
    payload.uip,
  ].join('.');
}

const config = (extra: Record<string, unknown> = {}) => ({
  auth: { ...extra, ...signInConfig.auth },
});

describe('user tokens through the core services', () => {
  it('are accepted by httpAuth, and userInfo reads ownership from the token or /v1/userinfo', async () => {
    backend = await startAuthTestBackend({
      features: [testOAuthProviderModule(createTestIdentityProvider()), whoamiPlugin],
      config: config(),
    });
    const token = await signInToken(backend);
    const me = await fetch(`${backend.url}/api/whoami/me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({
      userEntityRef: 'user:default/jdoe',
      ownershipEntityRefs: ['user:default/jdoe'],
    });
    expect((await fetch(`${backend.url}/api/whoami/me`)).status).toBe(401);

    // The limited token carries no ownership: userInfo asks this plugin's /v1/userinfo.
    const limited = await fetch(`${backend.url}/api/whoami/limited`, {
      headers: { authorization: `Bearer ${limitedTokenOf(token)}` },
    });
    expect(limited.status).toBe(200);
    expect(await limited.json()).toEqual({
      userEntityRef: 'user:default/jdoe',
      ownershipEntityRefs: ['user:default/jdoe'],
    });
    // A limited token is not enough where a full one is required.
    const refused = await fetch(`${backend.url}/api/whoami/me`, {
      headers: { authorization: `Bearer ${limitedTokenOf(token)}` },
    });
    expect(refused.status).toBe(401);
  });

  it('without ent in tokens, userInfo still finds the ownership refs', async () => {
    backend = await startAuthTestBackend({
      features: [testOAuthProviderModule(createTestIdentityProvider()), whoamiPlugin],
      config: config({ omitIdentityTokenOwnershipClaim: true }),
    });
    const token = await signInToken(backend);
    const me = await fetch(`${backend.url}/api/whoami/me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(await me.json()).toEqual({
      userEntityRef: 'user:default/jdoe',
      ownershipEntityRefs: ['user:default/jdoe'],
    });
  });
});

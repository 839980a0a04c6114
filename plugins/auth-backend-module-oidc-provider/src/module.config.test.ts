import { afterEach, describe, expect, it } from 'vitest';
import {
  freePort,
  startBackendWithOidc,
  type OidcTestBackend,
} from './testing/startBackendWithOidc';

const CLIENT_ID = 'greenroom';
const CLIENT_SECRET = 'client-secret-0f8a7c6e5d4b3a29';

let backend: OidcTestBackend | undefined;
afterEach(async () => {
  await backend?.stop();
  backend = undefined;
});

describe('OIDC provider configuration', () => {
  it.each([
    [
      'metadataUrl',
      "Missing required config value at 'auth.providers.oidc.development.metadataUrl'",
    ],
    ['clientId', "Missing required config value at 'auth.providers.oidc.development.clientId'"],
    [
      'clientSecret',
      "Missing required config value at 'auth.providers.oidc.development.clientSecret'",
    ],
  ])('fails startup without %s, naming the key, even in development', async (key, message) => {
    const config: Record<string, unknown> = {
      metadataUrl: 'http://127.0.0.1:1/.well-known/openid-configuration',
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
    };
    delete config[key];
    await expect(
      startBackendWithOidc(
        await freePort(),
        { development: config as never },
        { nodeEnv: 'development' },
      ),
    ).rejects.toThrow(`Failed to initialize oidc auth provider, ${message}`);
  });

  it('refuses the old scope key and a metadataUrl that is not a URL', async () => {
    const base = {
      metadataUrl: 'http://127.0.0.1:1/x',
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
    };
    await expect(
      startBackendWithOidc(await freePort(), { development: { ...base, scope: 'openid' } }),
    ).rejects.toThrow("'auth.providers.oidc.development.scope' is not supported");
    await expect(
      startBackendWithOidc(await freePort(), {
        development: { ...base, metadataUrl: 'not a url' },
      }),
    ).rejects.toThrow("Invalid URL at 'auth.providers.oidc.development.metadataUrl'");
  });

  it('with an unreachable issuer: starts in development with the provider misconfigured, fails in production', async () => {
    const unreachable = `http://127.0.0.1:${await freePort()}/.well-known/openid-configuration`;
    const oidc = {
      development: { metadataUrl: unreachable, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
    };
    backend = await startBackendWithOidc(await freePort(), oidc, { nodeEnv: 'development' });
    const start = await fetch(`${backend.authUrl}/oidc/start?env=development`, {
      redirect: 'manual',
    });
    expect(start.status).toBe(404);
    expect((await start.json()).error.message).toBe(
      `The oidc auth provider is misconfigured: Could not read the OpenID Connect metadata at ${unreachable}: ECONNREFUSED`,
    );
    expect(await (await fetch(`${backend.authUrl}/providers`)).json()).toEqual({ providers: [] });
    expect(
      backend.logs.some(
        l => l.level === 'warn' && l.message.startsWith('Skipping the oidc auth provider'),
      ),
    ).toBe(true);

    await expect(
      startBackendWithOidc(await freePort(), oidc, { nodeEnv: 'production' }),
    ).rejects.toThrow(
      `Failed to initialize oidc auth provider, Could not read the OpenID Connect metadata at ${unreachable}: ECONNREFUSED`,
    );
  });
});

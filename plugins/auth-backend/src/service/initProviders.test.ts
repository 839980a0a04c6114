import { afterEach, describe, expect, it } from 'vitest';
import {
  startAuthTestBackend,
  withNodeEnv,
  type AuthTestBackend,
} from '../testing/startAuthTestBackend';
import {
  createTestIdentityProvider,
  testOAuthProviderModule,
} from '../testing/testOAuthProviderModule';

let backend: AuthTestBackend | undefined;
afterEach(async () => {
  await backend?.stop();
  backend = undefined;
});

const resolvers = [
  {
    resolver: 'emailLocalPartMatchingUserEntityName',
    dangerouslyAllowSignInWithoutUserInCatalog: true,
  },
];

function unreachableProvider() {
  const idp = createTestIdentityProvider();
  idp.unreachable = true;
  return testOAuthProviderModule(idp);
}

const testConfig = {
  auth: { providers: { test: { development: { email: 'a@b.c', signIn: { resolvers } } } } },
};

describe('provider startup', () => {
  it('fails startup on bad provider config, naming the key, even in development', async () => {
    await withNodeEnv('development', async () => {
      await expect(
        startAuthTestBackend({
          features: [testOAuthProviderModule(createTestIdentityProvider())],
          config: { auth: { providers: { test: { development: { signIn: { resolvers } } } } } },
        }),
      ).rejects.toThrow(
        "Failed to initialize test auth provider, Missing required config value at 'auth.providers.test.development.email'",
      );
    });
  });

  it('fails startup on an unknown sign-in resolver, naming the key and the known ones', async () => {
    await expect(
      startAuthTestBackend({
        features: [testOAuthProviderModule(createTestIdentityProvider())],
        config: {
          auth: {
            providers: {
              test: {
                development: { email: 'a@b.c', signIn: { resolvers: [{ resolver: 'magic' }] } },
              },
            },
          },
        },
      }),
    ).rejects.toThrow(
      /Unknown sign-in resolver 'magic' at 'auth.providers.test.development.signIn.resolvers\[0\].resolver'; known resolvers: emailMatchingUserEntityProfileEmail, emailLocalPartMatchingUserEntityName, usernameMatchingUserEntityName/,
    );
  });

  it('fails startup on a provider config that is not per environment', async () => {
    await expect(
      startAuthTestBackend({
        features: [testOAuthProviderModule(createTestIdentityProvider())],
        config: { auth: { providers: { test: { email: 'a@b.c' } } } },
      }),
    ).rejects.toThrow(/auth\.providers\.test\.email.*wanted object/);
    await expect(
      startAuthTestBackend({
        features: [testOAuthProviderModule(createTestIdentityProvider())],
        config: { auth: { providers: { test: {} } } },
      }),
    ).rejects.toThrow("No environments configured at 'auth.providers.test'");
  });

  it('in development, skips a provider that fails to initialize and answers 404 misconfigured', async () => {
    backend = await withNodeEnv('development', () =>
      startAuthTestBackend({ features: [unreachableProvider()], config: testConfig }),
    );
    const warning = backend.logs.find(
      line => line.level === 'warn' && line.message.includes('test auth provider'),
    );
    expect(warning?.message).toBe(
      'Skipping the test auth provider, it failed to initialize (allowed because NODE_ENV is development): connect ECONNREFUSED 127.0.0.1:1 (test identity provider)',
    );
    expect(await (await fetch(`${backend.authUrl}/providers`)).json()).toEqual({ providers: [] });
    const start = await fetch(`${backend.authUrl}/test/start?env=development`);
    expect(start.status).toBe(404);
    expect((await start.json()).error.message).toBe(
      'The test auth provider is misconfigured: connect ECONNREFUSED 127.0.0.1:1 (test identity provider)',
    );
  });

  it('outside development, a provider that fails to initialize fails startup', async () => {
    await withNodeEnv('production', async () => {
      await expect(
        startAuthTestBackend({ features: [unreachableProvider()], config: testConfig }),
      ).rejects.toThrow(
        'Failed to initialize test auth provider, connect ECONNREFUSED 127.0.0.1:1 (test identity provider)',
      );
    });
  });

  it('warns about configured providers that no module provides', async () => {
    backend = await startAuthTestBackend({
      config: { auth: { providers: { github: { development: {} } } } },
    });
    expect(backend.logs.map(line => line.message)).toContain(
      "auth.providers.github is configured, but no installed module provides the 'github' auth provider",
    );
  });

  it('refuses two providers with the same id', async () => {
    await expect(
      startAuthTestBackend({
        features: [
          testOAuthProviderModule(createTestIdentityProvider(), 'dup'),
          {
            ...testOAuthProviderModule(createTestIdentityProvider(), 'dup'),
            moduleId: 'dup-again',
          },
        ],
        config: testConfig,
      }),
    ).rejects.toThrow("An auth provider with id 'dup' is already registered");
  });
});

import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  collectSecretValues,
  filterConfigByVisibility,
  mergeConfigSchemas,
  validateConfig,
  type JsonObject,
} from '@greenroom/config';
import { describe, expect, it } from 'vitest';

// The schemas of the auth plugin and its two provider modules, merged as the config loader does.
async function authSchemas() {
  const packages = [
    'auth-backend',
    'auth-backend-module-guest-provider',
    'auth-backend-module-oidc-provider',
  ];
  return mergeConfigSchemas(
    await Promise.all(
      packages.map(async name => {
        const source = fileURLToPath(
          new URL(`../../../${name}/config.schema.json`, import.meta.url),
        );
        return {
          packageName: name,
          source,
          schema: JSON.parse(await readFile(source, 'utf8')) as JsonObject,
        };
      }),
    ),
  );
}

const example: JsonObject = {
  auth: {
    environment: 'production',
    backstageTokenExpiration: { minutes: 30 },
    session: { secret: 'session-secret-value-123' },
    providers: {
      guest: { dangerouslyAllowOutsideDevelopment: false },
      oidc: {
        production: {
          metadataUrl: 'https://idp.example.com/.well-known/openid-configuration',
          clientId: 'greenroom',
          clientSecret: 'client-secret-value-456',
          additionalScopes: ['offline_access'],
          prompt: 'auto',
          sessionDuration: '7d',
          signIn: {
            resolvers: [
              { resolver: 'emailMatchingUserEntityProfileEmail', allowedDomains: ['example.com'] },
            ],
          },
        },
      },
    },
  },
};

describe('auth config schemas', () => {
  it('accept the documented example, mark secrets, and show the frontend only what it needs', async () => {
    const schema = await authSchemas();
    expect(validateConfig([{ context: 'app-config.yaml', data: example }], schema)).toEqual([]);
    expect(collectSecretValues(example, schema).sort()).toEqual([
      'client-secret-value-456',
      'session-secret-value-123',
    ]);
    expect(filterConfigByVisibility(example, schema, 'frontend')).toEqual({
      auth: { environment: 'production', providers: { guest: {} } },
    });
  });

  it('name the key of a bad value', async () => {
    const schema = await authSchemas();
    const bad: JsonObject = {
      auth: {
        providers: {
          guest: { dangerouslyAllowOutsideDevelopment: 'yes', userEntityRefs: 'typo' },
          oidc: {
            development: {
              clientId: 'x',
              clientSecret: 'y',
              tokenEndpointAuthMethod: 'private_key_jwt',
            },
          },
        },
      },
    };
    const keys = validateConfig([{ context: 'app-config.yaml', data: bad }], schema).map(
      p => p.key,
    );
    expect(keys).toEqual(
      expect.arrayContaining([
        'auth.providers.guest.dangerouslyAllowOutsideDevelopment',
        'auth.providers.oidc.development.metadataUrl',
        'auth.providers.oidc.development.tokenEndpointAuthMethod',
      ]),
    );
  });
});

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';

export interface OidcServerOptions {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

export interface OidcServer {
  issuer: string;
  metadataUrl: string;
  provider: Provider;
  /** Every token value the server issued, by kind, so tests can look for them in logs. */
  issued: { refreshTokens: string[]; revokedGrants: string[] };
  close(): Promise<void>;
}

/**
 * A real OpenID Connect provider (npm `oidc-provider`) on 127.0.0.1: one confidential client,
 * accounts made up on login (`<login>@example.com`), its development login and consent pages,
 * PKCE, refresh tokens (with offline_access and prompt=consent) and revocation.
 */
export async function startOidcServer(options: OidcServerOptions): Promise<OidcServer> {
  // The issuer URL needs the port, and the provider needs the issuer: listen first.
  const route: { handler?: ReturnType<Provider['callback']> } = {};
  const server: Server = createServer((req, res) => route.handler!(req, res));
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingKey = {
    ...(await exportJWK(privateKey)),
    kid: 'idp-key-1',
    alg: 'RS256',
    use: 'sig',
  };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: ['test-cookie-signing-key'] },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'preferred_username'],
    },
    features: {
      devInteractions: { enabled: true },
      revocation: { enabled: true, allowedPolicy: async () => true },
    },
    // Explicit lifetimes (seconds), so the server does not print a notice for each default.
    ttl: {
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
      AccessToken: 600,
      RefreshToken: 86_400,
      IdToken: 600,
      AuthorizationCode: 60,
    },
    async findAccount(_ctx, id) {
      return {
        accountId: id,
        async claims() {
          return {
            sub: id,
            email: `${id}@example.com`,
            email_verified: true,
            name: `${id[0].toUpperCase()}${id.slice(1)} Example`,
            preferred_username: id,
          };
        },
      };
    },
  });
  const issued: OidcServer['issued'] = { refreshTokens: [], revokedGrants: [] };
  provider.on('refresh_token.saved', (token: { jti: string }) =>
    issued.refreshTokens.push(token.jti),
  );
  provider.on('grant.revoked', (_ctx: unknown, grantId: string) =>
    issued.revokedGrants.push(grantId),
  );
  route.handler = provider.callback();

  return {
    issuer,
    metadataUrl: `${issuer}/.well-known/openid-configuration`,
    provider,
    issued,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

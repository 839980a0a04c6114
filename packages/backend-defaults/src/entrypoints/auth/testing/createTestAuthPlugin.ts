import { randomUUID } from 'node:crypto';
import {
  coreServices,
  createBackendPlugin,
  type BackendPluginFeature,
} from '@greenroom/backend-plugin-api';
import type { JWK } from 'jose';
import { CompactSign, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { Router } from 'express';
import { TOKEN_TYPES, USER_TOKEN_AUDIENCE } from '../tokenTypes';

export interface TestUserTokenOptions {
  sub?: string;
  /** Ownership refs put in the token; `null` leaves the claim out. */
  ent?: string[] | null;
  expiresInSeconds?: number;
  iss?: string;
  aud?: string;
  typ?: string | null;
  /** Leave out `uip`, like tokens from issuers that predate limited tokens. */
  withoutUip?: boolean;
  /** Sign with a key the plugin does not publish (same kid). */
  foreignKey?: boolean;
}

export interface TestAuthPlugin {
  plugin: BackendPluginFeature;
  /** A full user token as the auth plugin issues it; the backend must have started. */
  issueUserToken(options?: TestUserTokenOptions): Promise<string>;
  /** Ownership refs `GET /v1/userinfo` reports per user. */
  ownership: Map<string, string[]>;
  /** Every `GET /v1/userinfo` request, by the user it was for. */
  userInfoRequests: string[];
}

/**
 * Test-only stand-in for the auth plugin (plugin id `auth`): publishes
 * `/.well-known/jwks.json`, signs user tokens with `uip` the way the real one does, and
 * answers `/v1/userinfo`.
 */
export async function createTestAuthPlugin(): Promise<TestAuthPlugin> {
  const alg = 'ES256';
  const kid = randomUUID();
  const keys = await generateKeyPair(alg);
  const foreign = await generateKeyPair(alg);
  const publicJwk: JWK = { ...(await exportJWK(keys.publicKey)), kid, alg, use: 'sig' };
  const ownership = new Map<string, string[]>();
  const userInfoRequests: string[] = [];
  let issuer: string | undefined;

  const plugin = createBackendPlugin({
    pluginId: 'auth',
    register(reg) {
      reg.registerInit({
        deps: {
          http: coreServices.httpRouter,
          httpAuth: coreServices.httpAuth,
          discovery: coreServices.discovery,
        },
        async init({ http, httpAuth, discovery }) {
          issuer = await discovery.getExternalBaseUrl('auth');
          const router = Router();
          router.get('/.well-known/jwks.json', (_req, res) => {
            res.json({ keys: [publicJwk] });
          });
          router.get('/v1/userinfo', async (req, res) => {
            const credentials = await httpAuth.credentials(req, {
              allow: ['user'],
              allowLimitedAccess: true,
            });
            const sub = credentials.principal.userEntityRef;
            userInfoRequests.push(sub);
            res.json({ claims: { sub, ent: ownership.get(sub) ?? [sub] } });
          });
          http.use(router);
          http.addAuthPolicy({ path: '/', allow: 'unauthenticated' });
        },
      });
    },
  });

  async function issueUserToken(options: TestUserTokenOptions = {}): Promise<string> {
    if (!issuer) throw new Error('The test auth plugin has not started');
    const signingKey = options.foreignKey ? foreign.privateKey : keys.privateKey;
    const sub = options.sub ?? 'user:default/alice';
    const iat = Math.floor(Date.now() / 1000);
    const exp = iat + (options.expiresInSeconds ?? 3600);
    const claims: Record<string, unknown> = {
      iss: options.iss ?? issuer,
      sub,
      aud: options.aud ?? USER_TOKEN_AUDIENCE,
      iat,
      exp,
    };
    if (options.ent !== null) claims.ent = options.ent ?? [sub];
    if (!options.withoutUip) {
      // The identity proof: the signature of the limited token, byte-exact JSON.
      const limited = await new CompactSign(
        new TextEncoder().encode(JSON.stringify({ sub, iat, exp })),
      )
        .setProtectedHeader({ typ: TOKEN_TYPES.limitedUser, alg, kid })
        .sign(signingKey);
      claims.uip = limited.split('.')[2];
    }
    const header: Record<string, string> = { alg, kid };
    const typ = options.typ === undefined ? TOKEN_TYPES.user : options.typ;
    if (typ !== null) header.typ = typ;
    return new SignJWT(claims).setProtectedHeader(header as { alg: string }).sign(signingKey);
  }

  return { plugin, issueUserToken, ownership, userInfoRequests };
}

import type { DiscoveryService } from '@greenroom/backend-plugin-api';
import { AuthenticationError } from '@greenroom/errors';
import { jwtVerify, SignJWT } from 'jose';
import type { Explain } from '../explain';
import type { DecodedToken } from '../jwt/decodeToken';
import { quotable } from '../jwt/decodeToken';
import { describeJoseError } from '../jwt/describeJoseError';
import type { RemoteKeySets } from '../jwt/RemoteKeySets';
import { PLUGIN_ID_PATTERN, TOKEN_TYPES, ACCEPTED_ALGORITHMS } from '../tokenTypes';
import { DEFAULT_PLUGIN_KEY_DURATION_MS } from './keys/DatabasePluginKeySource';
import type { PluginKeySource } from './keys/types';

/** The two token types signed with plugin keys. */
export type PluginSignedTokenType = typeof TOKEN_TYPES.plugin | typeof TOKEN_TYPES.pluginCookie;

export interface VerifiedPluginToken {
  type: PluginSignedTokenType;
  /** The plugin that signed the token (its `sub`). */
  pluginId: string;
  /** The user's limited token, for calls made on a user's behalf (and in every cookie). */
  obo?: string;
  expiresAt: Date;
}

export interface PluginTokenHandlerOptions {
  ownPluginId: string;
  keySource: PluginKeySource;
  discovery: DiscoveryService;
  keySets: RemoteKeySets;
  explain: Explain;
  /** Token lifetime; never longer than a key signs. Default 1 h. */
  tokenDurationMs?: number;
  now?: () => number;
}

export function jwksUrlOf(baseUrl: string): string {
  return `${baseUrl}/.backstage/auth/v1/jwks.json`;
}

/**
 * Issues and verifies tokens signed with plugin keys: plugin-to-plugin tokens
 * (`sub` caller, `aud` target) and this plugin's cookie tokens (`sub` = `aud` = this plugin).
 * The receiver verifies against the signer's published keys, fetched through discovery, so
 * verification never needs the receiver's own database.
 */
export class PluginTokenHandler {
  readonly #options: PluginTokenHandlerOptions;
  readonly #durationSeconds: number;
  readonly #now: () => number;

  constructor(options: PluginTokenHandlerOptions) {
    this.#options = options;
    this.#durationSeconds = Math.floor(
      (options.tokenDurationMs ?? DEFAULT_PLUGIN_KEY_DURATION_MS) / 1000,
    );
    this.#now = options.now ?? Date.now;
  }

  async issue(options: {
    type: PluginSignedTokenType;
    audience: string;
    obo?: { token: string; expiresAt: Date };
  }): Promise<{ token: string; expiresAt: Date }> {
    const iat = Math.floor(this.#now() / 1000);
    let exp = iat + this.#durationSeconds;
    if (options.obo) {
      exp = Math.min(exp, Math.floor(options.obo.expiresAt.getTime() / 1000));
      if (exp <= iat) {
        throw new AuthenticationError(
          "Refused to issue a token on the user's behalf: the user's credentials have expired",
        );
      }
    }
    const signing = await this.#options.keySource.getPrivateSigningKey();
    const claims: Record<string, unknown> = {
      sub: this.#options.ownPluginId,
      aud: options.audience,
      iat,
      exp,
    };
    if (options.obo) claims.obo = options.obo.token;
    const token = await new SignJWT(claims)
      .setProtectedHeader({ typ: options.type, alg: signing.alg, kid: signing.kid })
      .sign(signing.key);
    return { token, expiresAt: new Date(exp * 1000) };
  }

  async verify(token: string, decoded: DecodedToken): Promise<VerifiedPluginToken> {
    const { ownPluginId, discovery, keySets, explain } = this.#options;
    const type = decoded.header.typ as PluginSignedTokenType;
    const isCookie = type === TOKEN_TYPES.pluginCookie;
    const prefix = isCookie ? 'Failed cookie verification' : 'Failed plugin token verification';
    const { sub, aud } = decoded.payload;

    if (typeof sub !== 'string' || !PLUGIN_ID_PATTERN.test(sub)) {
      throw new AuthenticationError(`${prefix}: its subject is not a plugin id`);
    }
    if (aud !== ownPluginId) {
      const named = quotable(aud);
      if (isCookie) {
        throw new AuthenticationError(
          explain(
            `${prefix}: the cookie belongs to ${named ? `plugin '${named}'` : 'another plugin'}, not '${ownPluginId}'`,
            `fetch a cookie for this plugin from GET /api/${ownPluginId}/.backstage/auth/v1/cookie`,
          ),
        );
      }
      throw new AuthenticationError(
        explain(
          `${prefix}: the token is meant for ${named ? `plugin '${named}'` : 'another audience'}, not '${ownPluginId}'`,
          `request a token per target with auth.getPluginRequestToken({ onBehalfOf, targetPluginId: '${ownPluginId}' })`,
        ),
      );
    }
    if (isCookie && sub !== ownPluginId) {
      throw new AuthenticationError(`${prefix}: the cookie was not issued by '${ownPluginId}'`);
    }

    const jwksUrl = jwksUrlOf(await discovery.getBaseUrl(sub));
    let payload;
    try {
      ({ payload } = await jwtVerify(token, keySets.get(jwksUrl), {
        algorithms: ACCEPTED_ALGORITHMS,
        typ: type,
        audience: ownPluginId,
        requiredClaims: ['iat', 'exp', 'sub', 'aud'],
      }));
    } catch (error) {
      const problem = describeJoseError(error);
      if (problem.kind === 'expired') {
        throw new AuthenticationError(
          explain(
            `${prefix}: ${problem.reason}`,
            isCookie
              ? 'the frontend refreshes the cookie before it expires; fetch a new one'
              : 'request a new token with auth.getPluginRequestToken for each call instead of keeping one',
          ),
        );
      }
      if (problem.kind === 'keys-unavailable') {
        throw new AuthenticationError(
          explain(
            `${prefix}: the signing keys of plugin '${sub}' could not be fetched from ${jwksUrl}`,
            `check that plugin '${sub}' is installed and that discovery reaches it`,
          ),
        );
      }
      throw new AuthenticationError(`${prefix}: ${problem.reason}`);
    }
    const obo = payload.obo;
    if (obo !== undefined && typeof obo !== 'string') {
      throw new AuthenticationError(`${prefix}: its obo claim is not a token`);
    }
    if (isCookie && !obo) {
      throw new AuthenticationError(`${prefix}: it carries no user identity`);
    }
    return { type, pluginId: sub, obo, expiresAt: new Date(payload.exp! * 1000) };
  }
}

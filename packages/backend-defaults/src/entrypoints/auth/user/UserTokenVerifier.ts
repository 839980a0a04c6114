import type { DiscoveryService } from '@greenroom/backend-plugin-api';
import { AuthenticationError } from '@greenroom/errors';
import type { JWTVerifyOptions } from 'jose';
import { jwtVerify } from 'jose';
import type { Explain } from '../explain';
import type { DecodedToken } from '../jwt/decodeToken';
import { describeJoseError } from '../jwt/describeJoseError';
import type { RemoteKeySets } from '../jwt/RemoteKeySets';
import { TOKEN_TYPES, ACCEPTED_ALGORITHMS, USER_TOKEN_AUDIENCE } from '../tokenTypes';

export type UserTokenKind = 'full' | 'limited';

export interface VerifiedUserToken {
  userEntityRef: string;
  expiresAt: Date;
  kind: UserTokenKind;
}

/** Full or limited, by the `typ` header; untyped tokens with `aud: backstage` are full ones from older issuers. */
export function userTokenKind({ header, payload }: DecodedToken): UserTokenKind | undefined {
  if (header.typ === TOKEN_TYPES.user) return 'full';
  if (header.typ === TOKEN_TYPES.limitedUser) return 'limited';
  if (header.typ === undefined && payload.aud === USER_TOKEN_AUDIENCE) return 'full';
  return undefined;
}

/**
 * Verifies user tokens against the auth plugin's published keys
 * (`<auth internal URL>/.well-known/jwks.json`). Full tokens must name the auth plugin's
 * external URL as issuer and `backstage` as audience; limited tokens carry only sub/iat/exp.
 */
export class UserTokenVerifier {
  readonly #discovery: DiscoveryService;
  readonly #keySets: RemoteKeySets;
  readonly #explain: Explain;

  constructor(options: { discovery: DiscoveryService; keySets: RemoteKeySets; explain: Explain }) {
    this.#discovery = options.discovery;
    this.#keySets = options.keySets;
    this.#explain = options.explain;
  }

  async verify(token: string, decoded: DecodedToken): Promise<VerifiedUserToken> {
    const kind = userTokenKind(decoded);
    if (!kind) throw new AuthenticationError('Failed user token verification: not a user token');

    const issuer = await this.#discovery.getExternalBaseUrl('auth');
    const options: JWTVerifyOptions = {
      algorithms: ACCEPTED_ALGORITHMS,
      requiredClaims: ['iat', 'exp', 'sub'],
    };
    if (kind === 'full') {
      options.issuer = issuer;
      options.audience = USER_TOKEN_AUDIENCE;
    }
    const jwksUrl = `${await this.#discovery.getBaseUrl('auth')}/.well-known/jwks.json`;

    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.#keySets.get(jwksUrl), options));
    } catch (error) {
      throw this.#failure(error, issuer, jwksUrl);
    }
    if (typeof payload.sub !== 'string' || payload.sub.length === 0) {
      throw new AuthenticationError('Failed user token verification: the token has no subject');
    }
    return { userEntityRef: payload.sub, expiresAt: new Date(payload.exp! * 1000), kind };
  }

  #failure(error: unknown, issuer: string, jwksUrl: string): AuthenticationError {
    const problem = describeJoseError(error);
    const explain = this.#explain;
    const prefix = 'Failed user token verification';
    switch (problem.kind) {
      case 'expired':
        return new AuthenticationError(
          explain(
            `${prefix}: ${problem.reason}`,
            'sign in again; the frontend refreshes user tokens before they expire',
          ),
        );
      case 'claim':
        if (problem.claim === 'iss') {
          return new AuthenticationError(
            explain(
              `${prefix}: its issuer is not this backend's auth plugin (expected '${issuer}')`,
              "user tokens must come from this backend's auth plugin, which names backend.baseUrl + /api/auth as issuer",
            ),
          );
        }
        if (problem.claim === 'aud') {
          return new AuthenticationError(`${prefix}: its audience is not '${USER_TOKEN_AUDIENCE}'`);
        }
        return new AuthenticationError(`${prefix}: ${problem.reason}`);
      case 'signature':
        return new AuthenticationError(
          explain(
            `${prefix}: ${problem.reason}`,
            "the token was not issued by this backend's auth plugin, or its key is gone; sign in again",
          ),
        );
      case 'keys-unavailable':
        return new AuthenticationError(
          explain(
            `${prefix}: the auth plugin's signing keys could not be fetched from ${jwksUrl}`,
            'add the auth plugin to the backend and check that discovery reaches it',
          ),
        );
      default:
        return new AuthenticationError(`${prefix}: ${problem.reason}`);
    }
  }
}

import { AuthenticationError } from '@greenroom/errors';
import { jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';

export interface VerifyIdTokenOptions {
  issuer: string;
  clientId: string;
  keys: JWTVerifyGetKey;
  algorithms: string[];
  /** The nonce sent in the authorization request; checked when given (not on refresh). */
  nonce?: string;
  /** On refresh, the new ID token must be about the same user (OpenID Connect §12.2). */
  subject?: string;
}

/** Checks an ID token's signature (issuer's JWKS), issuer, audience, expiry, nonce and azp. */
export async function verifyIdToken(
  idToken: string,
  options: VerifyIdTokenOptions,
): Promise<JWTPayload> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(idToken, options.keys, {
      issuer: options.issuer,
      audience: options.clientId,
      algorithms: options.algorithms,
      requiredClaims: ['sub', 'iat', 'exp'],
      clockTolerance: 30,
    }));
  } catch (error) {
    // jose's messages name the failed check, never the token.
    throw new AuthenticationError(
      `Invalid ID token from the identity provider: ${(error as Error).message}`,
    );
  }
  if (options.nonce !== undefined && payload.nonce !== options.nonce) {
    throw new AuthenticationError(
      'Invalid ID token from the identity provider: the nonce does not match',
    );
  }
  if (Array.isArray(payload.aud) && payload.aud.length > 1 && payload.azp !== options.clientId) {
    throw new AuthenticationError(
      'Invalid ID token from the identity provider: azp is not this client',
    );
  }
  if (options.subject !== undefined && payload.sub !== options.subject) {
    throw new AuthenticationError(
      'Invalid ID token from the identity provider: the subject changed',
    );
  }
  return payload;
}

import { AuthenticationError } from '@greenroom/errors';
import { base64url } from 'jose';
import { decodeToken } from '../jwt/decodeToken';
import { TOKEN_TYPES } from '../tokenTypes';

const encodeSegment = (value: object) => base64url.encode(JSON.stringify(value));

/**
 * Rebuilds the limited (identity-only) token hidden in a full user token: the auth plugin
 * signed `{typ, alg, kid}` + `{sub, iat, exp}` with the same key and put only the signature in
 * the `uip` claim. The JSON must match what it signed byte for byte, hence the fixed key order
 * and no whitespace. Tokens without a type or a `uip`, and limited tokens, come back as they are.
 */
export function createLimitedUserToken(userToken: string): { token: string; expiresAt: Date } {
  const decoded = decodeToken(userToken);
  if (!decoded || typeof decoded.payload.exp !== 'number') {
    throw new AuthenticationError('Failed to create a limited user token: malformed user token');
  }
  const { header, payload } = decoded;
  const expiresAt = new Date(payload.exp! * 1000);
  if (!header.typ || header.typ === TOKEN_TYPES.limitedUser) {
    return { token: userToken, expiresAt };
  }
  if (header.typ !== TOKEN_TYPES.user) {
    throw new AuthenticationError('Failed to create a limited user token: not a user token');
  }
  if (typeof payload.uip !== 'string' || payload.uip.length === 0) {
    return { token: userToken, expiresAt };
  }
  const token = [
    encodeSegment({ typ: TOKEN_TYPES.limitedUser, alg: header.alg, kid: header.kid }),
    encodeSegment({ sub: payload.sub, iat: payload.iat, exp: payload.exp }),
    payload.uip,
  ].join('.');
  return { token, expiresAt };
}

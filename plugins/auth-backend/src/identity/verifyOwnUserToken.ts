import { AuthenticationError, InputError } from '@greenroom/errors';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { SIGNING_ALGORITHM, type SigningKeyStore } from './SigningKeyStore';
import { LIMITED_USER_TOKEN_TYPE, USER_TOKEN_AUDIENCE, USER_TOKEN_TYPE } from './TokenIssuer';

export interface VerifiedUserToken {
  sub: string;
  limited: boolean;
}

/**
 * Verifies a full or limited user token against this plugin's own published keys. Used by
 * `/v1/userinfo`, which must not depend on a token service that may call back into it.
 */
export async function verifyOwnUserToken(
  token: string,
  options: { keys: SigningKeyStore; issuer: string },
): Promise<VerifiedUserToken> {
  if (token.length > 65_536) throw new AuthenticationError('Invalid user token: too long');
  let typ: unknown;
  try {
    typ = decodeProtectedHeader(token).typ;
  } catch {
    throw new AuthenticationError('Invalid user token: not a JWT');
  }
  if (typ === 'vnd.backstage.plugin') {
    throw new InputError('User info is only available for user tokens, not service tokens');
  }
  if (typ !== USER_TOKEN_TYPE && typ !== LIMITED_USER_TOKEN_TYPE) {
    throw new AuthenticationError(
      `Invalid user token: type must be '${USER_TOKEN_TYPE}' or '${LIMITED_USER_TOKEN_TYPE}'`,
    );
  }
  const limited = typ === LIMITED_USER_TOKEN_TYPE;
  const keySet = createLocalJWKSet({ keys: await options.keys.listPublicKeys() });
  try {
    const { payload } = await jwtVerify(token, keySet, {
      algorithms: [SIGNING_ALGORITHM],
      typ: typ as string,
      requiredClaims: ['sub', 'iat', 'exp'],
      ...(limited ? {} : { issuer: options.issuer, audience: USER_TOKEN_AUDIENCE }),
    });
    if (typeof payload.sub !== 'string') throw new Error('sub is not a string');
    return { sub: payload.sub, limited };
  } catch (error) {
    const reason = (error as { code?: string }).code === 'ERR_JWT_EXPIRED' ? 'expired' : 'invalid';
    throw new AuthenticationError(`Invalid user token: ${reason}`);
  }
}

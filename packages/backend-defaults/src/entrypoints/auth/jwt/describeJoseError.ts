import { isError } from '@greenroom/errors';

/** What jose found wrong with a token, in words for a 401 message. */
export interface TokenProblem {
  /** `expired`, `claim`, `signature`, `keys-unavailable` or `malformed`. */
  kind: 'expired' | 'claim' | 'signature' | 'algorithm' | 'keys-unavailable' | 'malformed';
  /** The failed claim, for `claim` problems (`aud`, `iss`, `typ`, ...). */
  claim?: string;
  reason: string;
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Maps an error thrown by jose's `jwtVerify` (or by fetching a remote key set) to a problem
 * description. Never quotes the token or claim values.
 */
export function describeJoseError(error: unknown): TokenProblem {
  switch (codeOf(error)) {
    case 'ERR_JWT_EXPIRED':
      return { kind: 'expired', claim: 'exp', reason: 'the token has expired' };
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED': {
      const { claim, reason } = error as { claim?: string; reason?: string };
      if (reason === 'missing') {
        return { kind: 'claim', claim, reason: `the token has no "${claim}" claim` };
      }
      if (claim === 'nbf' || claim === 'iat') {
        return { kind: 'claim', claim, reason: 'the token is not valid yet' };
      }
      return { kind: 'claim', claim, reason: `the token's "${claim}" claim is not accepted` };
    }
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return { kind: 'signature', reason: 'the signature does not match the signing key' };
    case 'ERR_JWKS_NO_MATCHING_KEY':
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
      return { kind: 'signature', reason: 'it is signed with a key the issuer does not publish' };
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
    case 'ERR_JOSE_NOT_SUPPORTED':
      return { kind: 'algorithm', reason: 'its signature algorithm is not allowed' };
    case 'ERR_JWKS_TIMEOUT':
    case 'ERR_JWKS_INVALID':
      return { kind: 'keys-unavailable', reason: 'the signing keys could not be fetched' };
    case 'ERR_JWS_INVALID':
    case 'ERR_JWT_INVALID':
    case 'ERR_JWK_INVALID':
      return { kind: 'malformed', reason: 'the token is malformed' };
    default:
      // Fetch failures (connection refused, non-200 answers) surface as plain errors.
      if (isError(error)) {
        return { kind: 'keys-unavailable', reason: 'the signing keys could not be fetched' };
      }
      return { kind: 'malformed', reason: 'the token could not be verified' };
  }
}

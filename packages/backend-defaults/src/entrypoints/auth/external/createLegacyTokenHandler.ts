import type { Config } from '@greenroom/config';
import { base64url, jwtVerify } from 'jose';
import { decodeToken } from '../jwt/decodeToken';
import { describeJoseError } from '../jwt/describeJoseError';
import { readCompactString } from './readConfigHelpers';
import type { ExternalTokenHandler } from './types';

/** The `sub` every legacy shared-secret token carries. */
export const LEGACY_TOKEN_SUBJECT = 'backstage-server';

function decodeSecret(secret: string, key: string): Uint8Array {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(secret)) {
    throw new Error(`${key} must be base64 encoded`);
  }
  // base64url decoding accepts both alphabets once the padding is gone.
  const bytes = base64url.decode(secret.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_'));
  if (bytes.length === 0) throw new Error(`${key} must not be empty`);
  return bytes;
}

/**
 * `type: legacy` (and the deprecated `backend.auth.keys`): HS256 tokens signed with a shared
 * secret, `sub: backstage-server`, no `aud`, with an `exp`. The principal is the configured subject.
 */
export function createLegacyTokenHandler(
  options: { secret: string; subject: string },
  secretKey: string,
): ExternalTokenHandler {
  const secret = decodeSecret(options.secret, secretKey);
  return {
    async verify(token) {
      const decoded = decodeToken(token);
      if (
        !decoded ||
        decoded.header.alg !== 'HS256' ||
        decoded.payload.sub !== LEGACY_TOKEN_SUBJECT ||
        decoded.payload.aud !== undefined
      ) {
        return undefined;
      }
      try {
        await jwtVerify(token, secret, { algorithms: ['HS256'], requiredClaims: ['exp'] });
        return { subject: options.subject };
      } catch (error) {
        const problem = describeJoseError(error);
        if (problem.kind === 'signature') {
          return {
            problem:
              'Failed legacy token verification: the signature does not match any configured secret',
            fix: 'sign with one of the secrets in backend.auth.externalAccess (type legacy)',
          };
        }
        return {
          problem: `Failed legacy token verification: ${problem.reason}`,
          fix:
            problem.kind === 'expired'
              ? 'sign a new token with a future exp for each call'
              : 'legacy tokens are HS256 JWTs with sub backstage-server and an exp claim',
        };
      }
    },
  };
}

export function readLegacyTokenHandler(options: Config, at: string): ExternalTokenHandler {
  return createLegacyTokenHandler(
    {
      secret: readCompactString(options, 'secret', `${at}.options`),
      subject: readCompactString(options, 'subject', `${at}.options`),
    },
    `${at}.options.secret`,
  );
}

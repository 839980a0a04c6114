import type { Config } from '@greenroom/config';
import { jwtVerify } from 'jose';
import { decodeToken } from '../jwt/decodeToken';
import { describeJoseError } from '../jwt/describeJoseError';
import type { RemoteKeySets } from '../jwt/RemoteKeySets';
import { ACCEPTED_ALGORITHMS } from '../tokenTypes';
import { readStringOrStrings } from './readConfigHelpers';
import type { ExternalTokenHandler } from './types';

/**
 * `type: jwks`: tokens from another identity provider, verified against its JWKS
 * (`options.url`) and optionally its `issuer`, `audience` and `algorithm`. The principal is
 * `external:<sub>` or `external:<subjectPrefix>:<sub>`.
 */
export function readJwksTokenHandler(
  options: Config,
  at: string,
  keySets: RemoteKeySets,
): ExternalTokenHandler {
  const url = options.getString('url');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`${at}.options.url must be an absolute URL`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new Error(`${at}.options.url must be an http(s) URL`);
  }
  const issuers = readStringOrStrings(options, 'issuer');
  const audiences = readStringOrStrings(options, 'audience');
  const algorithms = readStringOrStrings(options, 'algorithm') ?? ACCEPTED_ALGORITHMS;
  for (const algorithm of algorithms) {
    if (!ACCEPTED_ALGORITHMS.includes(algorithm)) {
      throw new Error(
        `${at}.options.algorithm: '${algorithm}' is not allowed, use one of ${ACCEPTED_ALGORITHMS.join(', ')}`,
      );
    }
  }
  const subjectPrefix = options.getOptionalString('subjectPrefix');
  // For messages: without credentials or query a URL might carry.
  const shownUrl = `${parsed.origin}${parsed.pathname}`;

  return {
    async verify(token) {
      const decoded = decodeToken(token);
      if (!decoded) return undefined;
      const issuer = decoded.payload.iss;
      if (issuers && (typeof issuer !== 'string' || !issuers.includes(issuer))) return undefined;
      try {
        const { payload } = await jwtVerify(token, keySets.get(parsed.href), {
          algorithms,
          issuer: issuers,
          audience: audiences,
          requiredClaims: ['sub'],
        });
        const sub = payload.sub!;
        return { subject: subjectPrefix ? `external:${subjectPrefix}:${sub}` : `external:${sub}` };
      } catch (error) {
        const problem = describeJoseError(error);
        // Without an issuer to go by, a token these keys did not sign may be another handler's.
        if (!issuers && (problem.kind === 'signature' || problem.kind === 'algorithm')) {
          return undefined;
        }
        const reason =
          problem.kind === 'keys-unavailable'
            ? `the signing keys could not be fetched from ${shownUrl}`
            : problem.claim === 'aud'
              ? 'its audience is not one of the configured audiences'
              : problem.reason;
        return {
          problem: `Failed external token verification: ${reason}`,
          fix: 'check the issuer, audience and algorithm of the entry in backend.auth.externalAccess (type jwks)',
        };
      }
    },
  };
}

import type { JWTPayload, ProtectedHeaderParameters } from 'jose';
import { decodeJwt, decodeProtectedHeader } from 'jose';

/** A token's header and claims, read without verification: only to decide how to verify it. */
export interface DecodedToken {
  header: ProtectedHeaderParameters;
  payload: JWTPayload;
}

/** Undefined for anything that is not a compact JWS with a JSON object payload. */
export function decodeToken(token: string): DecodedToken | undefined {
  if (token.split('.').length !== 3) return undefined;
  try {
    return { header: decodeProtectedHeader(token), payload: decodeJwt(token) };
  } catch {
    return undefined;
  }
}

/** A value from a token, safe to quote in an error message: short, printable, or not at all. */
export function quotable(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  return /^[\w.:/@+-]{1,100}$/.test(value) ? value : undefined;
}

import { InputError } from '@greenroom/errors';

/** What travels through the identity provider in the OAuth `state` parameter. */
export interface OAuthState {
  nonce: string;
  env: string;
  origin?: string;
  redirectUrl?: string;
  flow?: 'popup' | 'redirect';
  scope?: string;
}

export function encodeState(state: OAuthState): string {
  return Buffer.from(JSON.stringify(state), 'utf8').toString('base64url');
}

export function decodeState(value: string | undefined): OAuthState {
  if (!value) throw new InputError('Invalid OAuth state: missing');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    throw new InputError('Invalid OAuth state: not readable');
  }
  const state = parsed as Partial<OAuthState> | null;
  const optionalString = (v: unknown) => v === undefined || typeof v === 'string';
  if (
    !state ||
    typeof state.nonce !== 'string' ||
    typeof state.env !== 'string' ||
    !optionalString(state.origin) ||
    !optionalString(state.redirectUrl) ||
    !optionalString(state.scope) ||
    (state.flow !== undefined && state.flow !== 'popup' && state.flow !== 'redirect')
  ) {
    throw new InputError('Invalid OAuth state: unexpected content');
  }
  return state as OAuthState;
}

import type { BackstagePrincipalAccessRestrictions } from '@greenroom/backend-plugin-api';

/** What an external handler made of a token. */
export type ExternalTokenResult =
  /** The token is this handler's and valid. */
  | { subject: string }
  /** The token is this handler's kind but invalid; the problem is safe to show. */
  | { problem: string; fix?: string }
  /** Not this handler's token. */
  | undefined;

export interface ExternalTokenHandler {
  verify(token: string): Promise<ExternalTokenResult>;
}

/** One `backend.auth.externalAccess` entry, ready to use. */
export interface ExternalAccessEntry {
  type: string;
  handler: ExternalTokenHandler;
  /** Per plugin id; when set, other plugins refuse the token with 403. */
  accessRestrictions?: Map<string, BackstagePrincipalAccessRestrictions>;
}

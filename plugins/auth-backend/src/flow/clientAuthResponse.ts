import type { BackstageIdentityResponse } from '../identity/types';
import type { OAuthProviderSession } from '../oauth/types';
import type { AuthProfile } from '../signIn/types';

/** What the identity provider gave the app (never its refresh token). */
export interface ProviderInfo {
  idToken?: string;
  accessToken?: string;
  scope?: string;
  expiresInSeconds?: number;
}

/** The body of `/<provider>/refresh` and the payload of the popup message. */
export interface ClientAuthResponse {
  profile: AuthProfile;
  providerInfo: ProviderInfo;
  /** Present when the provider has a sign-in resolver. */
  backstageIdentity?: BackstageIdentityResponse;
}

/** What of the identity provider's session the app may see: everything but the refresh token. */
export function toProviderInfo(session: OAuthProviderSession): ProviderInfo {
  return {
    idToken: session.idToken,
    accessToken: session.accessToken,
    scope: session.scope,
    expiresInSeconds: session.expiresInSeconds,
  };
}

import { createApiRef } from '../ApiRef';

/** Who the signed-in user is, as the backend's token says. */
export interface BackstageUserIdentity {
  type: 'user';
  /** e.g. `user:default/jdoe`. */
  userEntityRef: string;
  /** The user and the groups they belong to, e.g. `['user:default/jdoe', 'group:default/team']`. */
  ownershipEntityRefs: string[];
}

/** What the sign-in provider told about the user, for display. */
export interface ProfileInfo {
  email?: string;
  displayName?: string;
  picture?: string;
}

/** The signed-in user's identity and token. */
export interface IdentityApi {
  getBackstageIdentity(): Promise<BackstageUserIdentity>;
  getProfileInfo(): Promise<ProfileInfo>;
  /** The current user token, refreshed when it is about to expire; no token when signed out. */
  getCredentials(): Promise<{ token?: string }>;
  signOut(): Promise<void>;
}

export const identityApiRef = createApiRef<IdentityApi>({ id: 'core.identity' });

import type { BackstageCredentials } from './AuthService';

/** Who a user is and what they own (themselves, their groups). */
export interface BackstageUserInfo {
  userEntityRef: string;
  ownershipEntityRefs: string[];
}

/** Ownership lookups for user credentials; kept server side so cookie tokens stay small. */
export interface UserInfoService {
  /** Throws for credentials that are not a user's. */
  getUserInfo(credentials: BackstageCredentials): Promise<BackstageUserInfo>;
}

/** Who a sign-in resolved to. */
export interface UserIdentity {
  /** The user's entity ref, e.g. `user:default/jdoe`. */
  userEntityRef: string;
  /** The refs the user acts as owner for (themselves and their groups). Default `[userEntityRef]`. */
  ownershipEntityRefs?: string[];
}

/** `backstageIdentity` of a ClientAuthResponse: the Greenroom token and who it is for. */
export interface BackstageIdentityResponse {
  token: string;
  expiresInSeconds: number;
  identity: {
    type: 'user';
    userEntityRef: string;
    ownershipEntityRefs: string[];
  };
}

import type { JsonObject } from '@greenroom/config';
import type { UserIdentity } from '../identity/types';

/** The profile shown to the app (ClientAuthResponse `profile`). */
export interface AuthProfile {
  email?: string;
  displayName?: string;
  picture?: string;
}

/** What a provider learned about the user, handed to sign-in resolvers. */
export interface SignInInfo {
  profile: AuthProfile;
  /** The provider's user name (e.g. OIDC `preferred_username`), when it has one. */
  username?: string;
  /** Every claim the provider returned (ID token and userinfo for OIDC); JSON only. */
  claims: Record<string, unknown>;
}

/** How to find a User entity in the catalog. */
export type CatalogUserQuery =
  | { entityRef: string }
  /** Field path to value, e.g. `{ 'spec.profile.email': 'a@b.c' }`; every entry must match. */
  | { filter: Record<string, string> }
  | { annotations: Record<string, string> };

/**
 * The seam between sign-in and the software catalog: finds a User entity and the refs the user
 * owns through (themselves and their groups). Installed by whatever provides catalog access.
 */
export interface CatalogUserLookup {
  /** undefined when no User entity matches. */
  findUser(query: CatalogUserQuery): Promise<Required<UserIdentity> | undefined>;
}

export interface SignInWithCatalogUserOptions {
  /**
   * The ref to sign in as when the catalog has no such user or no catalog is installed. Used
   * only when `dangerouslyAllowSignInWithoutUserInCatalog` is true.
   */
  fallbackEntityRef?: string;
  dangerouslyAllowSignInWithoutUserInCatalog?: boolean;
}

export interface SignInResolverContext {
  providerId: string;
  /** This resolver's entry in `signIn.resolvers`, without the `resolver` key. */
  options: JsonObject;
  /** The catalog lookup, when one is installed. */
  catalog: CatalogUserLookup | undefined;
  /**
   * Looks the user up in the catalog. Throws NotFoundError when there is no match (the next
   * resolver is tried) and NotAllowedError when no catalog is installed, unless the options
   * allow signing in without a user in the catalog.
   */
  signInWithCatalogUser(
    query: CatalogUserQuery,
    options?: SignInWithCatalogUserOptions,
  ): Promise<Required<UserIdentity>>;
}

/**
 * Decides who a sign-in is. Throw NotFoundError to let the next configured resolver try; any
 * other error ends the sign-in with that error.
 */
export type SignInResolver = (
  info: SignInInfo,
  context: SignInResolverContext,
) => Promise<UserIdentity>;

import { createExtensionPoint } from '@greenroom/backend-plugin-api';
import type { CatalogUserLookup, SignInResolver } from '../signIn/types';

export interface AuthSignInResolversExtensionPoint {
  /** Makes `resolver` usable by name in any provider's `signIn.resolvers`. */
  registerSignInResolver(name: string, resolver: SignInResolver): void;
  /** Installs how resolvers find users in the software catalog (at most once). */
  setCatalogLookup(lookup: CatalogUserLookup): void;
}

/** How modules add sign-in resolvers and catalog access to the auth plugin. */
export const authSignInResolversExtensionPoint =
  createExtensionPoint<AuthSignInResolversExtensionPoint>({ id: 'auth.signInResolvers' });

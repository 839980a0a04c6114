export { authPlugin } from './plugin';

export { authProvidersExtensionPoint } from './extensions/authProvidersExtensionPoint';
export type {
  AuthProviderRegistrationOptions,
  AuthProvidersExtensionPoint,
} from './extensions/authProvidersExtensionPoint';
export { authSignInResolversExtensionPoint } from './extensions/authSignInResolversExtensionPoint';
export type { AuthSignInResolversExtensionPoint } from './extensions/authSignInResolversExtensionPoint';
export { AuthProviderConfigError } from './extensions/types';
export type {
  AuthProviderContext,
  AuthProviderDisabled,
  AuthProviderFactory,
  AuthProviderRouteHandlers,
} from './extensions/types';

export { createOAuthProviderFactory } from './oauth/createOAuthProviderFactory';
export type {
  OAuthAuthenticator,
  OAuthAuthenticatorInitInput,
  OAuthAuthenticatorRefreshResult,
  OAuthAuthenticatorResult,
  OAuthProviderSession,
} from './oauth/types';

export { presentError } from './flow/presentError';
export { readParam, requireAllowedOrigin, requireXRequestedWith } from './flow/requestChecks';
export { sendWebMessageResponse } from './flow/webMessageResponse';
export type { WebMessage } from './flow/webMessageResponse';
export type { ClientAuthResponse, ProviderInfo } from './flow/clientAuthResponse';

export {
  emailLocalPartMatchingUserEntityName,
  emailMatchingUserEntityProfileEmail,
  usernameMatchingUserEntityName,
} from './signIn/builtInResolvers';
export type { ResolveSignIn } from './signIn/SignInResolverRegistry';
export type {
  AuthProfile,
  CatalogUserLookup,
  CatalogUserQuery,
  SignInInfo,
  SignInResolver,
  SignInResolverContext,
  SignInWithCatalogUserOptions,
} from './signIn/types';

export {
  LIMITED_USER_TOKEN_TYPE,
  USER_TOKEN_AUDIENCE,
  USER_TOKEN_TYPE,
} from './identity/TokenIssuer';
export { normalizeEntityRef } from './identity/entityRefs';
export type { BackstageIdentityResponse, UserIdentity } from './identity/types';

import { createExtensionPoint } from '@greenroom/backend-plugin-api';
import type { AuthProviderFactory } from './types';

export interface AuthProviderRegistrationOptions {
  /** The URL segment and config key: `/api/auth/<providerId>`, `auth.providers.<providerId>`. */
  providerId: string;
  factory: AuthProviderFactory;
}

export interface AuthProvidersExtensionPoint {
  registerProvider(options: AuthProviderRegistrationOptions): void;
}

/** How modules add sign-in providers to the auth plugin. */
export const authProvidersExtensionPoint = createExtensionPoint<AuthProvidersExtensionPoint>({
  id: 'auth.providers',
});

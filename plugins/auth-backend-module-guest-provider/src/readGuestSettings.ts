import {
  AuthProviderConfigError,
  normalizeEntityRef,
  type AuthProviderContext,
} from '@greenroom/plugin-auth-backend';

type Config = AuthProviderContext['config'];

export const DEFAULT_GUEST_USER = 'user:development/guest';

export interface GuestSettings {
  userEntityRef: string;
  ownershipEntityRefs: string[];
  dangerouslyAllowOutsideDevelopment: boolean;
}

/** `auth.providers.guest`: flat, no environments. */
export function readGuestSettings(config: Config): GuestSettings {
  try {
    const ref = (key: string, value: string) => {
      const normalized = normalizeEntityRef(value);
      if (!normalized) {
        throw new Error(
          `Invalid entity ref at 'auth.providers.guest.${key}': use kind:namespace/name, e.g. user:development/guest`,
        );
      }
      return normalized;
    };
    const userEntityRef = ref(
      'userEntityRef',
      config.getOptionalString('userEntityRef') ?? DEFAULT_GUEST_USER,
    );
    const ownership = config.getOptionalStringArray('ownershipEntityRefs');
    return {
      userEntityRef,
      ownershipEntityRefs: ownership
        ? ownership.map((value, i) => ref(`ownershipEntityRefs[${i}]`, value))
        : [userEntityRef],
      dangerouslyAllowOutsideDevelopment:
        config.getOptionalBoolean('dangerouslyAllowOutsideDevelopment') ?? false,
    };
  } catch (error) {
    throw new AuthProviderConfigError((error as Error).message);
  }
}

import type { JsonObject } from '@greenroom/config';

/** A signed-in user, or a plugin acting on a user's behalf (`actor` names that plugin). */
export interface BackstageUserPrincipal {
  type: 'user';
  /** The user's entity ref, e.g. `user:default/jdoe`. */
  userEntityRef: string;
  /** Set when the request came from a plugin on the user's behalf. */
  actor?: { subject: string };
}

/** What an access-restricted service principal may do (from `backend.auth.externalAccess`). */
export interface BackstagePrincipalAccessRestrictions {
  /** Only these permissions may be authorized. */
  permissionNames?: string[];
  /** Only permissions with these attributes may be authorized. */
  permissionAttributes?: {
    action?: Array<'create' | 'read' | 'update' | 'delete'>;
  };
}

/**
 * A backend caller: `plugin:<pluginId>` for another plugin, the configured subject (or
 * `external:<sub>`) for external access tokens.
 */
export interface BackstageServicePrincipal {
  type: 'service';
  subject: string;
  accessRestrictions?: BackstagePrincipalAccessRestrictions;
}

/** No credentials at all. */
export interface BackstageNonePrincipal {
  type: 'none';
}

/** The principal types by name, as used by `allow` lists and `isPrincipal`. */
export interface BackstagePrincipalTypes {
  user: BackstageUserPrincipal;
  service: BackstageServicePrincipal;
  none: BackstageNonePrincipal;
  unknown: unknown;
}

/**
 * Who made a request. Opaque on purpose: the token behind it stays inside the auth service,
 * so credentials can be logged or passed around without leaking it.
 */
export interface BackstageCredentials<TPrincipal = unknown> {
  $$type: '@backstage/BackstageCredentials';
  /** When the credentials stop being valid; unset for credentials that do not expire. */
  expiresAt?: Date;
  principal: TPrincipal;
}

/** Verifies incoming tokens and issues tokens for calls to other plugins. */
export interface AuthService {
  /**
   * The credentials a token stands for. Throws AuthenticationError (401) for anything invalid
   * and NotAllowedError (403) for an external token restricted to other plugins. Limited user
   * tokens (cookies) are refused unless `allowLimitedAccess` is set.
   */
  authenticate(
    token: string,
    options?: { allowLimitedAccess?: boolean },
  ): Promise<BackstageCredentials>;

  /** Narrows credentials by principal type; `unknown` matches every credential. */
  isPrincipal<TType extends keyof BackstagePrincipalTypes>(
    credentials: BackstageCredentials,
    type: TType,
  ): credentials is BackstageCredentials<BackstagePrincipalTypes[TType]>;

  getNoneCredentials(): Promise<BackstageCredentials<BackstageNonePrincipal>>;

  /** This plugin as a service principal (`plugin:<pluginId>`). */
  getOwnServiceCredentials(): Promise<BackstageCredentials<BackstageServicePrincipal>>;

  /**
   * A token for calling `targetPluginId`: as this plugin for service credentials, or on behalf
   * of the user for user credentials. For `none` credentials it throws, unless the default
   * auth policy is disabled, in which case the token is empty.
   */
  getPluginRequestToken(options: {
    onBehalfOf: BackstageCredentials;
    targetPluginId: string;
  }): Promise<{ token: string }>;

  /** The user's limited token (identity only, no ownership): what cookies carry. */
  getLimitedUserToken(
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<{ token: string; expiresAt: Date }>;

  /** The public keys this plugin signs its tokens with, as a JWK set. */
  listPublicServiceKeys(): Promise<{ keys: JsonObject[] }>;
}

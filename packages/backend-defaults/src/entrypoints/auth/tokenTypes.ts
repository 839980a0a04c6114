/** JOSE `typ` header values of the tokens the backend issues and accepts (Backstage's names). */
export const TOKEN_TYPES = {
  /** Full user token from the auth plugin; `aud: backstage`. */
  user: 'vnd.backstage.user',
  /** Identity-only user token rebuilt from a full token's `uip` claim. */
  limitedUser: 'vnd.backstage.limited-user',
  /** Plugin-to-plugin token: `sub` the caller's plugin id, `aud` the target's. */
  plugin: 'vnd.backstage.plugin',
  /**
   * Greenroom's plugin-bound cookie token: signed by the plugin that issued the cookie, `aud`
   * that plugin, `obo` the user's limited token. Only accepted with limited access.
   */
  pluginCookie: 'vnd.greenroom.plugin-cookie',
} as const;

/** The `aud` claim of full user tokens. */
export const USER_TOKEN_AUDIENCE = 'backstage';

/** Tokens longer than this are refused before any parsing (they would not fit a header anyway). */
export const MAX_TOKEN_LENGTH = 16 * 1024;

/** Plugin ids as they may appear in a token's `sub`; anything else never reaches discovery. */
export const PLUGIN_ID_PATTERN = /^[a-z0-9_-]+$/i;

/** Signature algorithms accepted on user, plugin and JWKS tokens: asymmetric only, never `none` or HMAC. */
export const ACCEPTED_ALGORITHMS = [
  'ES256',
  'ES384',
  'ES512',
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'EdDSA',
];

/** Algorithm of the keys plugins generate for themselves. */
export const PLUGIN_KEY_ALGORITHM = 'ES256';

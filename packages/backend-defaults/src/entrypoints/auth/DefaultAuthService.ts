import type {
  AuthService,
  BackstageCredentials,
  BackstageNonePrincipal,
  BackstagePrincipalTypes,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
} from '@greenroom/backend-plugin-api';
import type { JsonObject } from '@greenroom/config';
import { AuthenticationError } from '@greenroom/errors';
import {
  createCredentials,
  getCredentialsToken,
  isCredentials,
  isUserCredentials,
  principalTypeOf,
} from './credentials';
import type { Explain } from './explain';
import { authenticateExternal } from './external/authenticateExternal';
import type { ExternalAccessEntry } from './external/types';
import { decodeToken, quotable } from './jwt/decodeToken';
import type { PluginTokenHandler } from './plugin/PluginTokenHandler';
import type { PluginKeySource } from './plugin/keys/types';
import { MAX_TOKEN_LENGTH, PLUGIN_ID_PATTERN, TOKEN_TYPES } from './tokenTypes';
import { createLimitedUserToken } from './user/createLimitedUserToken';
import type { UserTokenVerifier } from './user/UserTokenVerifier';
import { userTokenKind } from './user/UserTokenVerifier';

export interface DefaultAuthServiceOptions {
  pluginId: string;
  userTokens: UserTokenVerifier;
  pluginTokens: PluginTokenHandler;
  keySource: PluginKeySource;
  externalAccess: readonly ExternalAccessEntry[];
  explain: Explain;
  /** `backend.auth.dangerouslyDisableDefaultAuthPolicy`: `none` may call other plugins. */
  disableDefaultAuthPolicy: boolean;
}

const LIMITED_ACCESS_FIX =
  "limited tokens (the plugin cookie) only work on routes registered with httpRouter.addAuthPolicy({ path, allow: 'user-cookie' }); send the full user token as Bearer";

/**
 * The auth service of one plugin. `authenticate` tries, in order: plugin tokens (and this
 * plugin's cookie tokens), user tokens from the auth plugin, then the external access methods.
 */
export class DefaultAuthService implements AuthService {
  readonly #options: DefaultAuthServiceOptions;

  constructor(options: DefaultAuthServiceOptions) {
    this.#options = options;
  }

  async authenticate(
    token: string,
    options: { allowLimitedAccess?: boolean } = {},
  ): Promise<BackstageCredentials> {
    const { explain } = this.#options;
    if (typeof token !== 'string' || token.length === 0) {
      throw new AuthenticationError('Illegal token: the token is empty');
    }
    if (token.length > MAX_TOKEN_LENGTH) {
      throw new AuthenticationError(
        `Illegal token: it is ${token.length} characters long, the limit is ${MAX_TOKEN_LENGTH}`,
      );
    }
    const decoded = decodeToken(token);
    if (decoded) {
      const { typ, alg } = decoded.header;
      if (typeof alg !== 'string' || alg.toLowerCase() === 'none') {
        throw new AuthenticationError(
          'Illegal token: unsigned tokens (alg none) are never accepted',
        );
      }
      if (typ === TOKEN_TYPES.plugin) return this.#fromPluginToken(token, decoded);
      if (typ === TOKEN_TYPES.pluginCookie) {
        if (!options.allowLimitedAccess) {
          throw new AuthenticationError(explain('Illegal limited user token', LIMITED_ACCESS_FIX));
        }
        return this.#fromPluginToken(token, decoded);
      }
      const kind = userTokenKind(decoded);
      if (kind === 'limited' && !options.allowLimitedAccess) {
        throw new AuthenticationError(explain('Illegal limited user token', LIMITED_ACCESS_FIX));
      }
      if (kind) {
        const user = await this.#options.userTokens.verify(token, decoded);
        return createCredentials<BackstageUserPrincipal>(
          { type: 'user', userEntityRef: user.userEntityRef },
          { token, expiresAt: user.expiresAt },
        );
      }
      if (typeof typ === 'string' && typ.startsWith('vnd.backstage.')) {
        const named = quotable(typ);
        throw new AuthenticationError(
          `Illegal token: unknown token type${named ? ` '${named}'` : ''}`,
        );
      }
    }
    return authenticateExternal(token, {
      pluginId: this.#options.pluginId,
      entries: this.#options.externalAccess,
      explain,
    });
  }

  isPrincipal<TType extends keyof BackstagePrincipalTypes>(
    credentials: BackstageCredentials,
    type: TType,
  ): credentials is BackstageCredentials<BackstagePrincipalTypes[TType]> {
    return type === 'unknown' || principalTypeOf(credentials) === type;
  }

  async getNoneCredentials(): Promise<BackstageCredentials<BackstageNonePrincipal>> {
    return createCredentials<BackstageNonePrincipal>({ type: 'none' });
  }

  async getOwnServiceCredentials(): Promise<BackstageCredentials<BackstageServicePrincipal>> {
    return createCredentials<BackstageServicePrincipal>({
      type: 'service',
      subject: `plugin:${this.#options.pluginId}`,
    });
  }

  async getPluginRequestToken(options: {
    onBehalfOf: BackstageCredentials;
    targetPluginId: string;
  }): Promise<{ token: string }> {
    const { onBehalfOf, targetPluginId } = options;
    if (!isCredentials(onBehalfOf)) {
      throw new TypeError('getPluginRequestToken: onBehalfOf must be credentials');
    }
    if (typeof targetPluginId !== 'string' || !PLUGIN_ID_PATTERN.test(targetPluginId)) {
      throw new TypeError('getPluginRequestToken: targetPluginId must be a plugin id');
    }
    const type = principalTypeOf(onBehalfOf);
    if (type === 'service') {
      const { token } = await this.#options.pluginTokens.issue({
        type: TOKEN_TYPES.plugin,
        audience: targetPluginId,
      });
      return { token };
    }
    if (type === 'user') {
      const obo = await this.getLimitedUserToken(
        onBehalfOf as BackstageCredentials<BackstageUserPrincipal>,
      );
      const { token } = await this.#options.pluginTokens.issue({
        type: TOKEN_TYPES.plugin,
        audience: targetPluginId,
        obo,
      });
      return { token };
    }
    if (type === 'none' && this.#options.disableDefaultAuthPolicy) {
      // With the default policy off, unauthenticated calls keep propagating as such.
      return { token: '' };
    }
    throw new AuthenticationError(`Refused to issue service token for credential type '${type}'`);
  }

  async getLimitedUserToken(
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<{ token: string; expiresAt: Date }> {
    return createLimitedUserToken(this.#userToken(credentials));
  }

  async listPublicServiceKeys(): Promise<{ keys: JsonObject[] }> {
    const { keys } = await this.#options.keySource.listKeys();
    return { keys: keys as JsonObject[] };
  }

  /**
   * A cookie token for this plugin: signed with this plugin's key, `aud` this plugin, `obo` the
   * user's limited token. Another plugin refuses it even if the browser sends it there.
   */
  async issueCookieToken(
    credentials: BackstageCredentials,
  ): Promise<{ token: string; expiresAt: Date }> {
    const obo = createLimitedUserToken(this.#userToken(credentials));
    return this.#options.pluginTokens.issue({
      type: TOKEN_TYPES.pluginCookie,
      audience: this.#options.pluginId,
      obo,
    });
  }

  #userToken(credentials: BackstageCredentials): string {
    if (!isCredentials(credentials) || !isUserCredentials(credentials)) {
      throw new AuthenticationError(
        `Expected user credentials, got '${isCredentials(credentials) ? principalTypeOf(credentials) : 'none'}'`,
      );
    }
    const token = getCredentialsToken(credentials);
    if (!token) {
      throw new AuthenticationError(
        'These user credentials carry no token: use credentials from auth.authenticate or httpAuth.credentials',
      );
    }
    return token;
  }

  async #fromPluginToken(
    token: string,
    decoded: NonNullable<ReturnType<typeof decodeToken>>,
  ): Promise<BackstageCredentials> {
    const verified = await this.#options.pluginTokens.verify(token, decoded);
    if (!verified.obo) {
      return createCredentials<BackstageServicePrincipal>(
        { type: 'service', subject: `plugin:${verified.pluginId}` },
        { expiresAt: verified.expiresAt },
      );
    }
    const oboDecoded = decodeToken(verified.obo);
    if (!oboDecoded || !userTokenKind(oboDecoded)) {
      throw new AuthenticationError('Invalid user token in plugin token obo claim');
    }
    let user;
    try {
      user = await this.#options.userTokens.verify(verified.obo, oboDecoded);
    } catch (error) {
      throw new AuthenticationError(
        `Invalid user token in plugin token obo claim: ${(error as Error).message}`,
      );
    }
    const principal: BackstageUserPrincipal = { type: 'user', userEntityRef: user.userEntityRef };
    // A cookie is the user's own browser; a plugin token means a plugin acts for the user.
    if (verified.type === TOKEN_TYPES.plugin) {
      principal.actor = { subject: `plugin:${verified.pluginId}` };
    }
    const expiresAt = user.expiresAt < verified.expiresAt ? user.expiresAt : verified.expiresAt;
    return createCredentials(principal, { token: verified.obo, expiresAt });
  }
}

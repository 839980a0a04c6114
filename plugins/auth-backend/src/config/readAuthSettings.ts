import type { LoggerService } from '@greenroom/backend-plugin-api';
import type { Config } from '@greenroom/config';
import { readDurationMs } from '@greenroom/config';

const DEFAULT_TOKEN_SECONDS = 3600;
const MIN_TOKEN_SECONDS = 600;
const MAX_TOKEN_SECONDS = 86_400;

/** The `auth.*` settings the plugin itself reads (providers read their own subtree). */
export interface AuthSettings {
  /** Lifetime of issued user tokens; also how often the signing key rotates. */
  tokenExpirationSeconds: number;
  /** `auth.omitIdentityTokenOwnershipClaim`: keep `ent` out of tokens (userinfo still has it). */
  omitOwnershipClaim: boolean;
  /** `auth.session.secret`: when set, the key that encrypts stored sessions derives from it. */
  sessionSecret: string | undefined;
  /** `app.baseUrl`: where popups post their result and redirects may go. */
  appUrl: string;
  /** `auth.experimentalExtraAllowedOrigins`: more origins (globs) allowed to start sign-ins. */
  extraAllowedOrigins: string[];
}

export function readAuthSettings(config: Config, logger: LoggerService): AuthSettings {
  const expirationMs = readDurationMs(config, 'auth.backstageTokenExpiration');
  let tokenExpirationSeconds =
    expirationMs === undefined ? DEFAULT_TOKEN_SECONDS : expirationMs / 1000;
  if (tokenExpirationSeconds < MIN_TOKEN_SECONDS || tokenExpirationSeconds > MAX_TOKEN_SECONDS) {
    const clamped = Math.min(
      MAX_TOKEN_SECONDS,
      Math.max(MIN_TOKEN_SECONDS, tokenExpirationSeconds),
    );
    logger.warn(
      `auth.backstageTokenExpiration must be between 10 minutes and 24 hours; using ${clamped} seconds`,
    );
    tokenExpirationSeconds = clamped;
  }
  const appUrl =
    config.getOptionalString('app.baseUrl') ??
    config.getOptionalString('backend.baseUrl') ??
    'http://localhost:7007';
  return {
    tokenExpirationSeconds: Math.round(tokenExpirationSeconds),
    omitOwnershipClaim: config.getOptionalBoolean('auth.omitIdentityTokenOwnershipClaim') ?? false,
    sessionSecret: config.getOptionalString('auth.session.secret'),
    appUrl,
    extraAllowedOrigins:
      config.getOptionalStringArray('auth.experimentalExtraAllowedOrigins') ?? [],
  };
}

import type { OAuthAuthenticatorInitInput } from '@greenroom/plugin-auth-backend';

const ASYMMETRIC_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
];

/** One environment of `auth.providers.oidc`, checked. */
export interface OidcSettings {
  metadataUrl: string;
  clientId: string;
  clientSecret: string;
  /** `prompt` to send, or undefined to let the identity provider decide (`auto`). */
  prompt: string | undefined;
  tokenEndpointAuthMethod: 'client_secret_basic' | 'client_secret_post';
  /** ID token algorithms accepted. */
  idTokenAlgorithms: string[];
  timeoutMs: number;
}

export function readOidcConfig({ config, configKey }: OAuthAuthenticatorInitInput): OidcSettings {
  if (config.has('scope')) {
    throw new Error(
      `'${configKey}.scope' is not supported: list extra scopes in '${configKey}.additionalScopes'`,
    );
  }
  const metadataUrl = config.getString('metadataUrl');
  if (!/^https?:\/\//.test(metadataUrl) || !URL.canParse(metadataUrl)) {
    throw new Error(
      `Invalid URL at '${configKey}.metadataUrl': use http(s)://…/.well-known/openid-configuration`,
    );
  }
  const method = config.getOptionalString('tokenEndpointAuthMethod') ?? 'client_secret_basic';
  if (method !== 'client_secret_basic' && method !== 'client_secret_post') {
    throw new Error(
      `Invalid '${configKey}.tokenEndpointAuthMethod': use client_secret_basic or client_secret_post`,
    );
  }
  const algorithm = config.getOptionalString('tokenSignedResponseAlg');
  if (algorithm !== undefined && !ASYMMETRIC_ALGORITHMS.includes(algorithm)) {
    throw new Error(
      `Invalid '${configKey}.tokenSignedResponseAlg': use one of ${ASYMMETRIC_ALGORITHMS.join(', ')}`,
    );
  }
  const prompt = config.getOptionalString('prompt');
  const timeoutMs = config.getOptionalNumber('timeout') ?? 10_000;
  if (!(timeoutMs > 0))
    throw new Error(`Invalid '${configKey}.timeout': use a number of milliseconds`);
  return {
    metadataUrl,
    clientId: config.getString('clientId'),
    clientSecret: config.getString('clientSecret'),
    prompt: prompt === 'auto' ? undefined : prompt,
    tokenEndpointAuthMethod: method,
    idTokenAlgorithms: algorithm ? [algorithm] : ASYMMETRIC_ALGORITHMS,
    timeoutMs,
  };
}

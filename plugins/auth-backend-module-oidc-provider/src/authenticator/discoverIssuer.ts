import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';

/** The parts of an OpenID Provider's metadata that sign-in uses. */
export interface IssuerMetadata {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  userinfo_endpoint?: string;
  revocation_endpoint?: string;
  code_challenge_methods_supported?: string[];
}

export interface DiscoveredIssuer {
  metadata: IssuerMetadata;
  keys: JWTVerifyGetKey;
}

function isUrl(value: unknown): value is string {
  return typeof value === 'string' && /^https?:\/\//.test(value) && URL.canParse(value);
}

/** Reads the issuer's metadata document; the error names the URL and what was wrong, nothing else. */
export async function discoverIssuer(
  metadataUrl: string,
  timeoutMs: number,
): Promise<DiscoveredIssuer> {
  const failed = (reason: string) =>
    new Error(`Could not read the OpenID Connect metadata at ${metadataUrl}: ${reason}`);
  let response: Response;
  try {
    response = await fetch(metadataUrl, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    throw failed(cause ?? (error as Error).message);
  }
  if (!response.ok) throw failed(`HTTP ${response.status}`);
  let metadata: Record<string, unknown>;
  try {
    metadata = (await response.json()) as Record<string, unknown>;
  } catch {
    throw failed('the response is not JSON');
  }
  for (const key of ['issuer', 'authorization_endpoint', 'token_endpoint', 'jwks_uri']) {
    if (!isUrl(metadata[key])) throw failed(`'${key}' is missing or not a URL`);
  }
  for (const key of ['userinfo_endpoint', 'revocation_endpoint']) {
    if (metadata[key] !== undefined && !isUrl(metadata[key])) throw failed(`'${key}' is not a URL`);
  }
  const methods = metadata.code_challenge_methods_supported;
  if (Array.isArray(methods) && !methods.includes('S256')) {
    throw failed('the issuer does not support PKCE with S256');
  }
  const typed = metadata as unknown as IssuerMetadata;
  return {
    metadata: typed,
    keys: createRemoteJWKSet(new URL(typed.jwks_uri), { timeoutDuration: timeoutMs }),
  };
}

import { AuthenticationError } from '@greenroom/errors';

/** The userinfo response for an access token (OpenID Connect §5.3); it must be about `subject`. */
export async function fetchUserInfo(
  endpoint: string,
  accessToken: string,
  subject: string | undefined,
  timeoutMs: number,
): Promise<Record<string, unknown>> {
  let response: Response;
  try {
    response = await fetch(endpoint, {
      headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    throw new Error(
      `The userinfo request to the identity provider failed: ${cause ?? (error as Error).message}`,
      { cause: error },
    );
  }
  if (!response.ok) {
    throw new AuthenticationError(
      `The identity provider refused the userinfo request: HTTP ${response.status}`,
    );
  }
  const info = (await response.json().catch(() => undefined)) as
    Record<string, unknown> | undefined;
  if (!info || typeof info.sub !== 'string') {
    throw new AuthenticationError('The identity provider returned userinfo without a subject');
  }
  if (subject !== undefined && info.sub !== subject) {
    throw new AuthenticationError('The identity provider returned userinfo about another subject');
  }
  return info;
}

import type { ErrorResponseBody } from '@greenroom/errors';

/** An error the catalog answered with; `name` is the backend's (`NotFoundError`, …). */
export class CatalogResponseError extends Error {
  constructor(
    name: string,
    message: string,
    readonly statusCode: number,
  ) {
    super(message);
    this.name = name;
  }
}

function isErrorBody(value: unknown): value is ErrorResponseBody {
  const error = (value as { error?: unknown } | null)?.error as { message?: unknown } | undefined;
  return typeof error?.message === 'string';
}

/** Turns a failed response into an error carrying the backend's name and message (Backstage error JSON). */
export async function responseToError(response: Response): Promise<CatalogResponseError> {
  const text = await response.text().catch(() => '');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (isErrorBody(body)) {
    return new CatalogResponseError(
      body.error.name || 'Error',
      body.error.message,
      response.status,
    );
  }
  // Not our JSON (a proxy's HTML page, an empty body): say what happened without echoing it.
  const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  return new CatalogResponseError(
    'ResponseError',
    `Request failed with ${status}`,
    response.status,
  );
}

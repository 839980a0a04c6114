import type { ErrorResponseBody } from '@greenroom/errors';
import { isError, statusCodeByErrorName, stringifyError } from '@greenroom/errors';

/** What the error handler renders for one error, before it is written to the response. */
export interface ErrorResponse {
  statusCode: number;
  body: ErrorResponseBody;
  /** True when the body does not carry the error's own message (an internal error in production). */
  hidden: boolean;
}

export interface ErrorResponseOptions {
  /** Include `error.stack` in the body (NODE_ENV=development only). */
  showStack: boolean;
  /** Replace the message of untyped server errors, so internals never reach a client. */
  hideInternalErrors: boolean;
}

function explicitStatus(error: object): number | undefined {
  for (const key of ['statusCode', 'status'] as const) {
    const value = (error as Record<string, unknown>)[key];
    if (Number.isInteger(value) && (value as number) >= 100 && (value as number) <= 599) {
      return value as number;
    }
  }
  return undefined;
}

/** An integer `statusCode`/`status` on the error, else the status of its typed name, else 500. */
export function statusCodeForError(error: unknown): number {
  if (typeof error !== 'object' || error === null) return 500;
  const explicit = explicitStatus(error);
  if (explicit !== undefined) return explicit;
  const name = (error as { name?: unknown }).name;
  return typeof name === 'string' && Object.hasOwn(statusCodeByErrorName, name)
    ? statusCodeByErrorName[name]
    : 500;
}

/** Errors whose name is one of ours were written for the client to read; anything else may not be. */
function isTypedError(error: unknown): boolean {
  return isError(error) && Object.hasOwn(statusCodeByErrorName, error.name);
}

/** Turns any thrown value into Backstage's error response. */
export function toErrorResponse(
  error: unknown,
  request: { method: string; url: string },
  options: ErrorResponseOptions,
): ErrorResponse {
  const statusCode = statusCodeForError(error);
  const hidden = options.hideInternalErrors && statusCode >= 500 && !isTypedError(error);
  const source = isError(error)
    ? error
    : { name: 'Error', message: stringifyError(error), stack: undefined };
  const body: ErrorResponseBody = {
    error: hidden
      ? { name: 'Error', message: 'Internal Server Error' }
      : { name: source.name, message: source.message },
    request: { method: request.method, url: request.url },
    response: { statusCode },
  };
  if (options.showStack && !hidden && source.stack) body.error.stack = source.stack;
  return { statusCode, body, hidden };
}

/** Backstage's error response body, as rendered by the backend's error handler. */
export interface ErrorResponseBody {
  error: { name: string; message: string; stack?: string; cause?: unknown };
  request?: { method: string; url: string };
  response: { statusCode: number };
}

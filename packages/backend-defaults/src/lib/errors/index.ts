export { createErrorHandler } from './createErrorHandler';
export type { ErrorHandlerOptions } from './createErrorHandler';
export { statusCodeForError, toErrorResponse } from './errorResponse';
export type { ErrorResponse, ErrorResponseOptions } from './errorResponse';

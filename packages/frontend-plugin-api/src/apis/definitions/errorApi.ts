import { createApiRef } from '../ApiRef';

export interface ErrorApiError {
  name: string;
  message: string;
  stack?: string;
}

export interface ErrorApiErrorContext {
  /** Record the error without showing it to the user. */
  hidden?: boolean;
}

export interface PostedError {
  error: ErrorApiError;
  context?: ErrorApiErrorContext;
}

/** Reports errors to the user (as toasts) and to whoever listens. */
export interface ErrorApi {
  post(error: ErrorApiError, context?: ErrorApiErrorContext): void;
  subscribe(listener: (posted: PostedError) => void): () => void;
}

export const errorApiRef = createApiRef<ErrorApi>({ id: 'core.error' });

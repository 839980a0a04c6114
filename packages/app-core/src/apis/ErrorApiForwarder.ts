import type {
  ErrorApi,
  ErrorApiError,
  ErrorApiErrorContext,
  PostedError,
} from '@greenroom/frontend-plugin-api';

/** Hands posted errors to whoever listens (the toaster shows the ones not marked hidden). */
export class ErrorApiForwarder implements ErrorApi {
  private readonly listeners = new Set<(posted: PostedError) => void>();

  post(error: ErrorApiError, context?: ErrorApiErrorContext): void {
    const posted = { error, context };
    this.listeners.forEach(listener => listener(posted));
  }

  subscribe(listener: (posted: PostedError) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

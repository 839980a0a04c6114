import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { ErrorPanel } from '../ErrorPanel/ErrorPanel';

interface ErrorBoundaryProps {
  children: ReactNode;
  /** Told about every error caught, e.g. to forward it to the error API. */
  onError?: (error: Error, info: ErrorInfo) => void;
  /** Called on retry before the children render again, e.g. to start a fresh import. */
  onReset?: () => void;
}

interface ErrorBoundaryState {
  error?: Error;
}

/**
 * Keeps a failing part of the page from taking down the rest: shows the error and a retry that
 * renders the children again. Give it a `key` (e.g. the path) to reset it on navigation.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = {};

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    this.props.onError?.(error instanceof Error ? error : new Error(String(error)), info);
  }

  private readonly retry = () => {
    this.props.onReset?.();
    this.setState({ error: undefined });
  };

  override render() {
    if (this.state.error) return <ErrorPanel error={this.state.error} onRetry={this.retry} />;
    return this.props.children;
  }
}

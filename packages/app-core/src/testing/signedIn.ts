import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { WebStorageApi } from '../apis/WebStorageApi';
import { resetBrowser } from './renderApp';

/** A browser where the guest signed in before: the app restores the session on load. */
export function rememberGuestSignIn() {
  WebStorageApi.create().forBucket('auth').set('provider', 'guest');
}

/**
 * Registers the hooks every signed-in app test needs: a fresh browser where the guest signed in
 * before each test, and no rendered app, stubs or mocks left after it.
 */
export function useSignedInBrowser() {
  beforeEach(() => {
    resetBrowser();
    rememberGuestSignIn();
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });
}

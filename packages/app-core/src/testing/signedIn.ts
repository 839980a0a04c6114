import { WebStorageApi } from '../apis/WebStorageApi';

/** A browser where the guest signed in before: the app restores the session on load. */
export function rememberGuestSignIn() {
  WebStorageApi.create().forBucket('auth').set('provider', 'guest');
}

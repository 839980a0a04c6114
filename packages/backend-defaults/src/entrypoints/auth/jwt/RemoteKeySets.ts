import type { JWTVerifyGetKey } from 'jose';
import { createRemoteJWKSet } from 'jose';

/**
 * One cached remote JWK set per URL, shared by every plugin of the backend: keys are fetched
 * once and refetched when a token names an unknown key id (at most once a second, so a
 * restarted plugin's new key is picked up at once while random key ids cannot flood the issuer).
 */
export class RemoteKeySets {
  readonly #sets = new Map<string, JWTVerifyGetKey>();

  get(url: string): JWTVerifyGetKey {
    let set = this.#sets.get(url);
    if (!set) {
      set = createRemoteJWKSet(new URL(url), { timeoutDuration: 5000, cooldownDuration: 1000 });
      this.#sets.set(url, set);
    }
    return set;
  }
}

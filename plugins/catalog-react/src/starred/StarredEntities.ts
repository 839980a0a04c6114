import type { StorageApi } from '@greenroom/frontend-plugin-api';
import { stringifyRef } from '../utils/entityRefs';

const BUCKET = 'starred-entities';

/**
 * The entities one user starred, as canonical refs, kept in the app's storage under a key per
 * user: two people sharing a browser keep separate stars.
 */
export class StarredEntities {
  private readonly storage: StorageApi;

  constructor(
    storageApi: StorageApi,
    private readonly userEntityRef: string,
  ) {
    this.storage = storageApi.forBucket(BUCKET);
  }

  list(): string[] {
    const stored = this.storage.get<string[]>(this.key());
    return Array.isArray(stored) ? stored.filter(ref => typeof ref === 'string') : [];
  }

  isStarred(entityRef: string): boolean {
    return this.list().includes(canonical(entityRef));
  }

  toggle(entityRef: string): boolean {
    const ref = canonical(entityRef);
    const current = this.list();
    const starred = !current.includes(ref);
    this.storage.set(this.key(), starred ? [...current, ref] : current.filter(r => r !== ref));
    return starred;
  }

  subscribe(listener: () => void): () => void {
    return this.storage.subscribe(this.key(), listener);
  }

  private key() {
    return canonical(this.userEntityRef);
  }
}

function canonical(ref: string): string {
  return stringifyRef(ref);
}

import type { JsonValue } from '@greenroom/config/reader';
import { createApiRef } from '../ApiRef';

/** Small per-browser settings (theme, language, starred entities), kept across reloads. */
export interface StorageApi {
  /** A storage whose keys do not collide with other buckets'. */
  forBucket(name: string): StorageApi;
  get<T extends JsonValue>(key: string): T | undefined;
  set(key: string, value: JsonValue): void;
  remove(key: string): void;
  /** Called when the key changes, in this tab or another one. */
  subscribe(key: string, listener: () => void): () => void;
}

export const storageApiRef = createApiRef<StorageApi>({ id: 'core.storage' });

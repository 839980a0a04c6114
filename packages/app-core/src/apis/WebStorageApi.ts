import type { JsonValue } from '@greenroom/config/reader';
import type { StorageApi } from '@greenroom/frontend-plugin-api';

type Listeners = Map<string, Set<() => void>>;

/** A Storage kept in memory, for browsers where localStorage is disabled or full. */
function memoryStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  const items = new Map<string, string>();
  return {
    getItem: key => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: key => void items.delete(key),
  };
}

function usableLocalStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined {
  try {
    const probe = '__greenroom_probe__';
    window.localStorage.setItem(probe, probe);
    window.localStorage.removeItem(probe);
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** StorageApi on localStorage (JSON values under `greenroom/<bucket>/<key>`), in memory if unavailable. */
export class WebStorageApi implements StorageApi {
  static create(options: { namespace?: string } = {}): WebStorageApi {
    const listeners: Listeners = new Map();
    const storage = usableLocalStorage() ?? memoryStorage();
    if (typeof window !== 'undefined') {
      // Another tab changed a value: tell this tab's subscribers.
      window.addEventListener('storage', event => {
        if (event.key) listeners.get(event.key)?.forEach(listener => listener());
      });
    }
    return new WebStorageApi(options.namespace ?? 'greenroom', storage, listeners);
  }

  private constructor(
    private readonly namespace: string,
    private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>,
    private readonly listeners: Listeners,
  ) {}

  forBucket(name: string): StorageApi {
    return new WebStorageApi(`${this.namespace}/${name}`, this.storage, this.listeners);
  }

  get<T extends JsonValue>(key: string): T | undefined {
    const raw = this.storage.getItem(this.fullKey(key));
    if (raw === null) return undefined;
    try {
      return JSON.parse(raw) as T;
    } catch {
      return undefined; // written by something else: treat as unset
    }
  }

  set(key: string, value: JsonValue): void {
    try {
      this.storage.setItem(this.fullKey(key), JSON.stringify(value));
    } catch {
      // Quota exceeded: the setting lasts until reload, which is the best we can do.
    }
    this.notify(key);
  }

  remove(key: string): void {
    this.storage.removeItem(this.fullKey(key));
    this.notify(key);
  }

  subscribe(key: string, listener: () => void): () => void {
    const fullKey = this.fullKey(key);
    let set = this.listeners.get(fullKey);
    if (!set) this.listeners.set(fullKey, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  private fullKey(key: string) {
    return `${this.namespace}/${key}`;
  }

  private notify(key: string) {
    this.listeners.get(this.fullKey(key))?.forEach(listener => listener());
  }
}

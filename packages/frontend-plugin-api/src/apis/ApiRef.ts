/** A typed handle for an API: components ask for the ref, the app supplies the implementation. */
export interface ApiRef<T> {
  readonly $$type: '@greenroom/ApiRef';
  /** Unique, dotted, e.g. `core.fetch` or `plugin.catalog.client`. */
  readonly id: string;
  /** Never set: carries the API's type so `useApi(ref)` is typed. */
  readonly T?: T;
}

const API_ID = /^[a-z][a-z0-9-]*(\.[a-z][a-zA-Z0-9-]*)*$/;

export function createApiRef<T>(options: { id: string }): ApiRef<T> {
  if (!API_ID.test(options.id)) {
    throw new Error(
      `Invalid API id '${options.id}': use dot-separated lowercase words, e.g. 'plugin.catalog.client'`,
    );
  }
  return { $$type: '@greenroom/ApiRef', id: options.id };
}

import type { ApiRef } from './ApiRef';

/** Maps dependency names to the types their refs carry. */
export type TypesToApiRefs<Deps> = { [K in keyof Deps]: ApiRef<Deps[K]> };

/** How the app builds one API from the APIs it depends on. */
export interface ApiFactory<Api, Impl extends Api = Api, Deps = Record<string, unknown>> {
  api: ApiRef<Api>;
  deps: TypesToApiRefs<Deps>;
  factory(deps: Deps): Impl;
}

/** A factory of any API, as the registry stores them. */
export type AnyApiFactory = ApiFactory<unknown, unknown, Record<string, unknown>>;

export function createApiFactory<Api, Impl extends Api, Deps extends Record<string, unknown>>(
  factory: ApiFactory<Api, Impl, Deps>,
): AnyApiFactory;
export function createApiFactory<Api, Impl extends Api>(
  api: ApiRef<Api>,
  instance: Impl,
): AnyApiFactory;
export function createApiFactory<Api, Impl extends Api, Deps extends Record<string, unknown>>(
  factoryOrRef: ApiFactory<Api, Impl, Deps> | ApiRef<Api>,
  instance?: Impl,
): AnyApiFactory {
  if ('$$type' in factoryOrRef) {
    return { api: factoryOrRef, deps: {}, factory: () => instance } as AnyApiFactory;
  }
  return factoryOrRef as unknown as AnyApiFactory;
}

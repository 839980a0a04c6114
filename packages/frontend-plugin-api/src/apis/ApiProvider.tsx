import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import type { ApiRef } from './ApiRef';

/** Looks up API implementations by ref. */
export interface ApiHolder {
  get<T>(ref: ApiRef<T>): T | undefined;
}

const ApiContext = createContext<ApiHolder | undefined>(undefined);

/** Makes `apis` available to `useApi` below it. */
export function ApiProvider(props: { apis: ApiHolder; children: ReactNode }) {
  return <ApiContext.Provider value={props.apis}>{props.children}</ApiContext.Provider>;
}

/** The holder of the nearest ApiProvider, or undefined outside one. */
export function useApiHolder(): ApiHolder | undefined {
  return useContext(ApiContext);
}

/** The implementation of `ref`; throws naming the ref when the app provides none. */
export function useApi<T>(ref: ApiRef<T>): T {
  const api = useApiHolder()?.get(ref);
  if (api === undefined) {
    throw new Error(`No implementation available for API '${ref.id}'`);
  }
  return api;
}

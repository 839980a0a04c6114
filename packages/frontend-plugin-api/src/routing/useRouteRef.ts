import { useMemo } from 'react';
import { useApi } from '../apis/ApiProvider';
import { routeResolutionApiRef } from '../apis/definitions/routeResolutionApi';
import type { ExternalRouteRef, RouteFunc, RouteParams, RouteRef, SubRouteRef } from './types';

/**
 * A function building the URL of `ref`. For an optional external route the app left unbound it
 * returns undefined, so the link or button can hide.
 */
export function useRouteRef<Params extends RouteParams>(
  ref: ExternalRouteRef<Params, true>,
): RouteFunc<Params> | undefined;
export function useRouteRef<Params extends RouteParams>(
  ref: RouteRef<Params> | SubRouteRef<Params> | ExternalRouteRef<Params, false>,
): RouteFunc<Params>;
export function useRouteRef<Params extends RouteParams>(
  ref: RouteRef<Params> | SubRouteRef<Params> | ExternalRouteRef<Params, boolean>,
): RouteFunc<Params> | undefined {
  const resolver = useApi(routeResolutionApiRef);
  return useMemo(() => resolver.resolve(ref), [resolver, ref]);
}

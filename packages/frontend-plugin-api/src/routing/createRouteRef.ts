import type { ParamsOf, RouteRef } from './types';

let counter = 0;

/** A route owned by a plugin. `params` names the path params its page needs. */
export function createRouteRef<const ParamName extends string = never>(
  options: { id?: string; params?: readonly ParamName[] } = {},
): RouteRef<ParamsOf<ParamName>> {
  counter += 1;
  return {
    $$type: '@greenroom/RouteRef',
    id: options.id ?? `route-${counter}`,
    params: [...(options.params ?? [])],
  };
}

import type { ExternalRouteRef, ParamsOf } from './types';

const TARGET = /^[a-z0-9][a-z0-9-]*\.[A-Za-z][A-Za-z0-9_-]*$/;
let counter = 0;

/**
 * A route this plugin links to without knowing who provides it. `defaultTarget`
 * (`<pluginId>.<routeName>`) is used when the app binds nothing and that route is installed.
 */
export function createExternalRouteRef<
  const ParamName extends string = never,
  Optional extends boolean = false,
>(
  options: {
    id?: string;
    params?: readonly ParamName[];
    optional?: Optional;
    defaultTarget?: string;
  } = {},
): ExternalRouteRef<ParamsOf<ParamName>, Optional> {
  counter += 1;
  const id = options.id ?? `external-route-${counter}`;
  if (options.defaultTarget !== undefined && !TARGET.test(options.defaultTarget)) {
    throw new Error(
      `Invalid defaultTarget '${options.defaultTarget}' of external route '${id}': expected '<pluginId>.<routeName>'`,
    );
  }
  return {
    $$type: '@greenroom/ExternalRouteRef',
    id,
    params: [...(options.params ?? [])],
    optional: (options.optional ?? false) as Optional,
    defaultTarget: options.defaultTarget,
  };
}

import type { MergeParams, RouteParams, RouteRef, SubRouteRef } from './types';

const PATH = /^(\/[^/:]+|\/:[A-Za-z_][A-Za-z0-9_]*)+$/;

/** A path below `parent`, e.g. `createSubRouteRef({ parent: root, path: '/:kind/:name' })`. */
export function createSubRouteRef<
  const Path extends string,
  ParentParams extends RouteParams,
>(options: {
  id?: string;
  parent: RouteRef<ParentParams>;
  path: Path;
}): SubRouteRef<MergeParams<ParentParams, Path>> {
  const { parent, path } = options;
  const id = options.id ?? `${parent.id}${path}`;
  if (!PATH.test(path)) {
    throw new Error(
      `Invalid path '${path}' of sub route '${id}': it must start with '/', not end with '/', and use ':name' for params`,
    );
  }
  const own = path
    .split('/')
    .filter(segment => segment.startsWith(':'))
    .map(segment => segment.slice(1));
  for (const param of own) {
    if (parent.params.includes(param)) {
      throw new Error(`Sub route '${id}' repeats the param ':${param}' of its parent route`);
    }
    if (own.indexOf(param) !== own.lastIndexOf(param)) {
      throw new Error(`Sub route '${id}' names the param ':${param}' twice`);
    }
  }
  return {
    $$type: '@greenroom/SubRouteRef',
    id,
    parent: parent as RouteRef<RouteParams>,
    path,
    params: [...parent.params, ...own],
  };
}

import type { ComponentType } from 'react';
import type { RouteParams, RouteRef } from '../routing/types';

/** A plugin's page, mounted at `path` in the app, loaded when first visited. */
export interface PageExtension {
  readonly $$type: '@greenroom/PageExtension';
  /** For error messages and tests, e.g. `CatalogIndexPage`. */
  readonly name: string;
  readonly mountPoint: RouteRef<RouteParams>;
  /** e.g. `/catalog` or `/catalog/:namespace/:kind/:name`; sub routes are matched below it. */
  readonly path: string;
  readonly component: () => Promise<ComponentType>;
}

const PATH = /^\/([^/]+(\/[^/]+)*)?$/;

/**
 * A page of a plugin: `component` is a lazy import (`() => import('./X').then(m => m.X)`) so
 * the page's code stays out of the main bundle. Every param of `mountPoint` must be in `path`.
 */
export function createRoutableExtension<Params extends RouteParams>(options: {
  name: string;
  mountPoint: RouteRef<Params>;
  path: string;
  component: () => Promise<ComponentType>;
}): PageExtension {
  const { name, mountPoint, path, component } = options;
  if (!PATH.test(path)) {
    throw new Error(
      `Invalid path '${path}' of page '${name}': it must start with '/' and not end with '/'`,
    );
  }
  const inPath = path
    .split('/')
    .filter(s => s.startsWith(':'))
    .map(s => s.slice(1));
  const missing = mountPoint.params.filter(param => !inPath.includes(param));
  if (missing.length > 0) {
    throw new Error(
      `Path '${path}' of page '${name}' lacks the route params ${missing.map(p => `':${p}'`).join(', ')}`,
    );
  }
  return {
    $$type: '@greenroom/PageExtension',
    name,
    mountPoint: mountPoint as RouteRef<RouteParams>,
    path,
    component,
  };
}

import type {
  AnyRouteRef,
  RouteFunc,
  RouteParams,
  RouteRef,
  RouteResolutionApi,
  TargetRouteRef,
} from '@greenroom/frontend-plugin-api';
import { buildPath, joinPaths } from './buildPath';
import type { RouteBindings } from './resolveRouteBindings';

/** Builds URLs for route refs from where pages are mounted and how external routes are bound. */
export class RouteResolver implements RouteResolutionApi {
  constructor(
    private readonly paths: ReadonlyMap<RouteRef<RouteParams>, string>,
    private readonly bindings: RouteBindings,
  ) {}

  resolve<Params extends RouteParams>(ref: AnyRouteRef<Params>): RouteFunc<Params> | undefined {
    const target: TargetRouteRef<RouteParams> | undefined =
      ref.$$type === '@greenroom/ExternalRouteRef' ? this.bindings.get(ref) : ref;
    if (!target) return undefined;
    const path = this.pathOf(target);
    return ((params?: Record<string, string>) => buildPath(path, params)) as RouteFunc<Params>;
  }

  private pathOf(ref: TargetRouteRef<RouteParams>): string {
    const root = ref.$$type === '@greenroom/SubRouteRef' ? ref.parent : ref;
    const mounted = this.paths.get(root);
    if (mounted === undefined) {
      throw new Error(
        `Route '${root.id}' has no page mounted in the app, so no link can lead to it`,
      );
    }
    return ref.$$type === '@greenroom/SubRouteRef' ? joinPaths(mounted, ref.path) : mounted;
  }
}

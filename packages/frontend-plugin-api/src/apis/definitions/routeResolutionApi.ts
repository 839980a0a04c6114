import { createApiRef } from '../ApiRef';
import type { AnyRouteRef, RouteFunc, RouteParams } from '../../routing/types';

/** Turns route refs into URLs, following the app's route bindings. */
export interface RouteResolutionApi {
  /** The URL builder for `ref`, or undefined when it is an external route left unbound. */
  resolve<Params extends RouteParams>(ref: AnyRouteRef<Params>): RouteFunc<Params> | undefined;
}

export const routeResolutionApiRef = createApiRef<RouteResolutionApi>({
  id: 'core.route-resolution',
});

/** The params a route takes: names to string values, or undefined for none. */
export type RouteParams = { [name: string]: string } | undefined;

/** Builds the URL path of a route from its params. */
export type RouteFunc<Params extends RouteParams> = [Params] extends [undefined]
  ? () => string
  : (params: Params) => string;

/** The params named in a path like `/:namespace/:kind/:name`. */
export type PathParamNames<Path extends string> =
  Path extends `${string}:${infer Param}/${infer Rest}`
    ? Param | PathParamNames<`/${Rest}`>
    : Path extends `${string}:${infer Param}`
      ? Param
      : never;

/** Params from a list of names: `undefined` when the list is empty. */
export type ParamsOf<Names extends string> = [Names] extends [never]
  ? undefined
  : { [name in Names]: string };

type ParamNamesOf<Params extends RouteParams> = Params extends undefined
  ? never
  : keyof Params & string;

/** The params of a sub route: its parent's plus the ones in its own path. */
export type MergeParams<Parent extends RouteParams, Path extends string> = ParamsOf<
  ParamNamesOf<Parent> | PathParamNames<Path>
>;

/** A route of a plugin: the plugin's page is mounted at a path the app decides. */
export interface RouteRef<Params extends RouteParams = undefined> {
  readonly $$type: '@greenroom/RouteRef';
  /** For error messages; the route's name in its plugin's `routes` is what bindings use. */
  readonly id: string;
  readonly params: readonly string[];
  readonly T?: Params;
}

/** A path below a route, e.g. `/:namespace/:name` below the catalog root. */
export interface SubRouteRef<Params extends RouteParams = undefined> {
  readonly $$type: '@greenroom/SubRouteRef';
  readonly id: string;
  readonly parent: RouteRef<RouteParams>;
  readonly path: string;
  readonly params: readonly string[];
  readonly T?: Params;
}

/** A route a plugin links to but does not own; the app binds it to another plugin's route. */
export interface ExternalRouteRef<
  Params extends RouteParams = undefined,
  Optional extends boolean = boolean,
> {
  readonly $$type: '@greenroom/ExternalRouteRef';
  readonly id: string;
  readonly params: readonly string[];
  /** An optional route may stay unbound: `useRouteRef` then returns undefined. */
  readonly optional: Optional;
  /** `<pluginId>.<routeName>` bound when neither code nor config binds this route. */
  readonly defaultTarget?: string;
  readonly T?: Params;
}

/** Any route ref with the given params. */
export type AnyRouteRef<Params extends RouteParams = RouteParams> =
  RouteRef<Params> | SubRouteRef<Params> | ExternalRouteRef<Params, boolean>;

/** A route ref a plugin can own (what external routes are bound to). */
export type TargetRouteRef<Params extends RouteParams = RouteParams> =
  RouteRef<Params> | SubRouteRef<Params>;

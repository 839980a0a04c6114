/** Where one instance of a service lives: once per backend, or once per plugin. */
export type ServiceScope = 'root' | 'plugin';

/** A typed handle to a service. Plugins depend on refs; the backend supplies the implementations. */
export interface ServiceRef<TService, TScope extends ServiceScope = ServiceScope> {
  readonly $$type: '@greenroom/ServiceRef';
  readonly id: string;
  readonly scope: TScope;
  /** Used when no factory for this ref was added to the backend. */
  readonly defaultFactory?: ServiceFactory<TService, TScope>;
  /** Phantom field that carries the type; never set at runtime. */
  readonly T: TService;
}

/** Maps a record of refs to a record of the services they point at. */
export type ServiceRefsToInstances<
  TDeps extends Record<string, ServiceRef<unknown>>,
  TScope extends ServiceScope = ServiceScope,
> = {
  [K in keyof TDeps as TDeps[K]['scope'] extends TScope ? K : never]: TDeps[K]['T'];
};

export type AnyServiceRef = ServiceRef<unknown>;

/** Context passed to plugin-scoped factories. */
export interface ServiceFactoryContext {
  pluginId: string;
}

/** How a service gets made. Root factories run once; plugin factories once per plugin that uses them. */
export interface ServiceFactory<TService = unknown, TScope extends ServiceScope = ServiceScope> {
  readonly $$type: '@greenroom/ServiceFactory';
  readonly service: ServiceRef<TService, TScope>;
  readonly deps: Record<string, AnyServiceRef>;
  /** `always`: created at startup even if nobody asks. Default `lazy`. */
  readonly initialization: 'always' | 'lazy';
  /** Plugin scope only: shared state made once, passed to every per-plugin `factory` call. */
  createRootContext?(deps: Record<string, unknown>): unknown;
  factory(
    deps: Record<string, unknown>,
    context: { pluginId: string; rootContext: unknown },
  ): TService | Promise<TService>;
}

export function createServiceRef<TService>(options: {
  id: string;
  scope?: 'plugin';
  defaultFactory?: (ref: ServiceRef<TService, 'plugin'>) => ServiceFactory<TService, 'plugin'>;
}): ServiceRef<TService, 'plugin'>;
export function createServiceRef<TService>(options: {
  id: string;
  scope: 'root';
  defaultFactory?: (ref: ServiceRef<TService, 'root'>) => ServiceFactory<TService, 'root'>;
}): ServiceRef<TService, 'root'>;
export function createServiceRef<TService>(options: {
  id: string;
  scope?: ServiceScope;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  defaultFactory?: (ref: any) => ServiceFactory<TService, any>;
}): ServiceRef<TService> {
  const ref = {
    $$type: '@greenroom/ServiceRef',
    id: options.id,
    scope: options.scope ?? 'plugin',
    toString: () => `serviceRef{${options.id}}`,
  } as { -readonly [K in keyof ServiceRef<TService>]: ServiceRef<TService>[K] };
  if (options.defaultFactory) {
    // Resolved lazily so a default factory can itself refer to the ref it belongs to.
    let factory: ServiceFactory<TService> | undefined;
    Object.defineProperty(ref, 'defaultFactory', {
      enumerable: true,
      get: () => (factory ??= options.defaultFactory!(ref as ServiceRef<TService>)),
    });
  }
  return ref as ServiceRef<TService>;
}

type RootDeps = Record<string, ServiceRef<unknown, 'root'>>;
type AnyDeps = Record<string, AnyServiceRef>;

export function createServiceFactory<TService, TDeps extends RootDeps>(options: {
  service: ServiceRef<TService, 'root'>;
  deps: TDeps;
  initialization?: 'always' | 'lazy';
  factory(deps: ServiceRefsToInstances<TDeps, 'root'>): TService | Promise<TService>;
}): ServiceFactory<TService, 'root'>;
export function createServiceFactory<
  TService,
  TDeps extends AnyDeps,
  TContext = undefined,
>(options: {
  service: ServiceRef<TService, 'plugin'>;
  deps: TDeps;
  initialization?: 'always' | 'lazy';
  createRootContext?(deps: ServiceRefsToInstances<TDeps, 'root'>): TContext | Promise<TContext>;
  factory(deps: ServiceRefsToInstances<TDeps>, context: TContext): TService | Promise<TService>;
}): ServiceFactory<TService, 'plugin'>;
export function createServiceFactory(options: {
  service: AnyServiceRef;
  deps: AnyDeps;
  initialization?: 'always' | 'lazy';
  createRootContext?(deps: Record<string, unknown>): unknown;
  factory(deps: Record<string, unknown>, context: unknown): unknown;
}): ServiceFactory {
  if (options.service.scope === 'root') {
    for (const [name, dep] of Object.entries(options.deps)) {
      if (dep.scope !== 'root') {
        throw new Error(
          `Root service '${options.service.id}' can not depend on plugin-scoped service '${dep.id}' (dependency '${name}')`,
        );
      }
    }
  }
  return {
    $$type: '@greenroom/ServiceFactory',
    service: options.service,
    deps: options.deps,
    initialization: options.initialization ?? 'lazy',
    createRootContext: options.createRootContext,
    factory: (deps, { rootContext }) => options.factory(deps, rootContext),
  };
}

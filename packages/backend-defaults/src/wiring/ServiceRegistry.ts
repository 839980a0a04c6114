import type { AnyServiceRef, ServiceFactory } from '@greenroom/backend-plugin-api';

/** Thrown when a dependency cannot be satisfied; the message names the service and who asked. */
export class MissingServiceError extends Error {
  override name = 'MissingServiceError';
}

/**
 * Holds the factories and makes each service once: root services once per backend, plugin
 * services once per plugin. Explicitly added factories win over defaults; a ref's own
 * `defaultFactory` is the last resort.
 */
export class ServiceRegistry {
  private readonly factories = new Map<string, ServiceFactory>();
  private readonly rootInstances = new Map<string, Promise<unknown>>();
  private readonly rootContexts = new Map<string, Promise<unknown>>();
  private readonly pluginInstances = new Map<string, Map<string, Promise<unknown>>>();

  constructor(factories: Iterable<ServiceFactory>) {
    for (const factory of factories) this.factories.set(factory.service.id, factory);
  }

  /** The factory that will provide `ref`, or undefined when nothing can. */
  getFactory(ref: AnyServiceRef): ServiceFactory | undefined {
    return this.factories.get(ref.id) ?? this.adoptDefault(ref);
  }

  has(ref: AnyServiceRef): boolean {
    return this.getFactory(ref) !== undefined;
  }

  allFactories(): ServiceFactory[] {
    return [...this.factories.values()];
  }

  /**
   * Throws naming the cycle when service factories depend on each other in a loop, e.g.
   * `Circular dependency between services: core.a -> core.b -> core.a`.
   */
  checkForCycles(): void {
    const visiting: string[] = [];
    const done = new Set<string>();
    const visit = (factory: ServiceFactory) => {
      const id = factory.service.id;
      if (done.has(id)) return;
      const at = visiting.indexOf(id);
      if (at !== -1) {
        const cycle = [...visiting.slice(at), id].join(' -> ');
        throw new Error(`Circular dependency between services: ${cycle}`);
      }
      visiting.push(id);
      for (const dep of Object.values(factory.deps)) {
        const depFactory = this.getFactory(dep);
        if (depFactory) visit(depFactory);
      }
      visiting.pop();
      done.add(id);
    };
    for (const factory of [...this.factories.values()]) visit(factory);
  }

  /** Refs among `deps` (transitively) that no factory provides. */
  findMissing(deps: Iterable<AnyServiceRef>): AnyServiceRef[] {
    const missing = new Map<string, AnyServiceRef>();
    const seen = new Set<string>();
    const walk = (ref: AnyServiceRef) => {
      if (seen.has(ref.id)) return;
      seen.add(ref.id);
      const factory = this.getFactory(ref);
      if (!factory) {
        missing.set(ref.id, ref);
        return;
      }
      Object.values(factory.deps).forEach(walk);
    };
    for (const ref of deps) walk(ref);
    return [...missing.values()];
  }

  /** The instance of `ref` for `pluginId` (ignored for root services), made on first use. */
  get<T>(ref: AnyServiceRef, pluginId: string): Promise<T> {
    const factory = this.getFactory(ref);
    if (!factory) {
      return Promise.reject(
        new MissingServiceError(
          `No implementation of service '${ref.id}' for plugin '${pluginId}'`,
        ),
      );
    }
    if (factory.service.scope === 'root') {
      let instance = this.rootInstances.get(ref.id);
      if (!instance) {
        instance = this.resolveDeps(factory, 'root').then(deps =>
          factory.factory(deps, { pluginId: 'root', rootContext: undefined }),
        );
        this.rootInstances.set(ref.id, instance);
      }
      return instance as Promise<T>;
    }
    let perPlugin = this.pluginInstances.get(ref.id);
    if (!perPlugin) this.pluginInstances.set(ref.id, (perPlugin = new Map()));
    let instance = perPlugin.get(pluginId);
    if (!instance) {
      instance = Promise.all([this.rootContext(factory), this.resolveDeps(factory, pluginId)]).then(
        ([rootContext, deps]) => factory.factory(deps, { pluginId, rootContext }),
      );
      perPlugin.set(pluginId, instance);
    }
    return instance as Promise<T>;
  }

  /** Root instances that were made, for shutdown ordering or inspection. */
  getRootInstanceIfCreated<T>(ref: AnyServiceRef): Promise<T> | undefined {
    return this.rootInstances.get(ref.id) as Promise<T> | undefined;
  }

  private rootContext(factory: ServiceFactory): Promise<unknown> {
    const create = factory.createRootContext;
    if (!create) return Promise.resolve(undefined);
    let context = this.rootContexts.get(factory.service.id);
    if (!context) {
      const rootDeps = Object.fromEntries(
        Object.entries(factory.deps).filter(([, ref]) => ref.scope === 'root'),
      );
      context = this.resolveRefs(rootDeps, 'root').then(deps => create(deps));
      this.rootContexts.set(factory.service.id, context);
    }
    return context;
  }

  private resolveDeps(factory: ServiceFactory, pluginId: string) {
    return this.resolveRefs(factory.deps, pluginId);
  }

  private async resolveRefs(refs: Record<string, AnyServiceRef>, pluginId: string) {
    const entries = await Promise.all(
      Object.entries(refs).map(
        async ([name, ref]) => [name, await this.get(ref, pluginId)] as const,
      ),
    );
    return Object.fromEntries(entries);
  }

  private adoptDefault(ref: AnyServiceRef): ServiceFactory | undefined {
    const factory = ref.defaultFactory;
    if (factory) this.factories.set(ref.id, factory);
    return factory;
  }
}

import {
  coreServices,
  isServiceRef,
  type AnyServiceRef,
  type ExtensionPoint,
  type LoggerService,
  type ServiceFactory,
} from '@greenroom/backend-plugin-api';
import type { Config } from '@greenroom/config';
import { stringifyError } from '@greenroom/errors';
import { collectFeatures, type FeatureInput, type FeatureSet } from './featureSet';
import {
  asPluginLifecycleController,
  asRootLifecycleController,
  type RootLifecycleController,
} from './lifecycleControllers';
import { ServiceRegistry } from './ServiceRegistry';
import { bootFailurePolicy } from './bootFailurePolicy';
import { orderModules } from './orderModules';
import type { Unit } from './unit';

/** Thrown when startup fails; its message is one line that names the plugin or module. */
export class BackendStartupError extends Error {
  override name = 'BackendStartupError';
}

/**
 * Starts and stops a set of features: checks the dependency graph, makes eager services,
 * initializes every plugin (its modules first, ordered by the extension points they provide and
 * use), then runs the startup hooks. A failure stops whatever had started, so no port stays open.
 */
export class BackendInitializer {
  private readonly inputs: FeatureInput[] = [];
  private startPromise?: Promise<void>;
  private stopPromise?: Promise<void>;
  private registry?: ServiceRegistry;
  private startedPlugins: string[] = [];

  constructor(private readonly defaultFactories: ServiceFactory[]) {}

  add(feature: FeatureInput): void {
    if (this.startPromise)
      throw new Error('feature can not be added after the backend has started');
    this.inputs.push(feature);
  }

  start(): Promise<void> {
    if (this.startPromise) throw new Error('Backend has already started');
    this.startPromise = this.doStart();
    return this.startPromise;
  }

  /** Stops everything that started. Safe to call more than once and after a failed start. */
  stop(): Promise<void> {
    this.stopPromise ??= this.doStop();
    return this.stopPromise;
  }

  /** A service instance, for the backend's own use (e.g. learning the bound port in tests). */
  getRootService<T>(ref: AnyServiceRef & { scope: 'root' }): Promise<T> {
    if (!this.registry) throw new Error('Backend has not started');
    return this.registry.get<T>(ref, 'root');
  }

  private async doStart(): Promise<void> {
    const features = await collectFeatures(this.inputs);
    const explicit = new Set(features.services.map(f => f.service.id));
    const registry = new ServiceRegistry([
      ...this.defaultFactories.filter(f => !explicit.has(f.service.id)),
      ...features.services,
    ]);
    this.registry = registry;
    registry.checkForCycles();

    try {
      const logger = await registry.get<LoggerService>(coreServices.rootLogger, 'root');
      const units = this.collectUnits(features, logger);
      const extensionPointOwners = this.collectExtensionPoints(units);
      this.checkDependencies(units, extensionPointOwners, registry);

      await Promise.all(
        registry
          .allFactories()
          .filter(f => f.service.scope === 'root' && f.initialization === 'always')
          .map(f => registry.get(f.service, 'root')),
      );

      const config = registry.has(coreServices.rootConfig)
        ? await registry.get<Config>(coreServices.rootConfig, 'root')
        : undefined;
      // Not Map.groupBy: Node 20 lacks it.
      const byPlugin = new Map<string, Unit[]>();
      for (const unit of units)
        byPlugin.set(unit.pluginId, [...(byPlugin.get(unit.pluginId) ?? []), unit]);
      await Promise.all(
        [...byPlugin].map(([pluginId, pluginUnits]) =>
          this.startPlugin(pluginId, pluginUnits, registry, config, logger),
        ),
      );
      await this.rootLifecycle(registry)?.then(root => root.startup());
    } catch (error) {
      await this.stop().catch(() => undefined);
      throw error;
    }
  }

  private collectUnits(features: FeatureSet, logger: LoggerService): Unit[] {
    const units: Unit[] = [];
    for (const [pluginId, plugin] of features.plugins) {
      units.push({
        pluginId,
        label: `plugin '${pluginId}'`,
        registrations: plugin.getRegistrations(),
      });
    }
    for (const [pluginId, modules] of features.modules) {
      for (const [moduleId, module] of modules) {
        if (!features.plugins.has(pluginId)) {
          logger.debug(
            `Skipping module '${moduleId}' for plugin '${pluginId}' because plugin '${pluginId}' is not installed`,
          );
          continue;
        }
        units.push({
          pluginId,
          moduleId,
          label: `module '${moduleId}' for plugin '${pluginId}'`,
          registrations: module.getRegistrations(),
        });
      }
    }
    return units;
  }

  /** Extension point id → the unit that registered it. */
  private collectExtensionPoints(units: Unit[]): Map<string, { unit: Unit; impl: unknown }> {
    const owners = new Map<string, { unit: Unit; impl: unknown }>();
    for (const unit of units) {
      for (const { ref, impl } of unit.registrations.extensionPoints) {
        if (owners.has(ref.id))
          throw new Error(`ExtensionPoint with ID '${ref.id}' is already registered`);
        owners.set(ref.id, { unit, impl });
      }
    }
    return owners;
  }

  private checkDependencies(
    units: Unit[],
    extensionPointOwners: Map<string, { unit: Unit }>,
    registry: ServiceRegistry,
  ): void {
    for (const unit of units) {
      const deps = Object.values(unit.registrations.init.deps);
      const missing: string[] = registry.findMissing(deps.filter(isServiceRef)).map(String);
      for (const dep of deps) {
        if (isServiceRef(dep)) continue;
        const owner = extensionPointOwners.get(dep.id);
        if (!owner) {
          missing.push(String(dep));
        } else if (owner.unit.pluginId !== unit.pluginId) {
          throw new Error(
            `Illegal dependency: ${unit.label} attempted to depend on extension point '${dep.id}' of plugin '${owner.unit.pluginId}'. Extension points can only be used within their plugin's scope.`,
          );
        }
      }
      if (missing.length) {
        throw new Error(
          `Service or extension point dependencies of ${unit.label} are missing for the following ref(s): ${missing.join(', ')}`,
        );
      }
    }
  }

  private async startPlugin(
    pluginId: string,
    units: Unit[],
    registry: ServiceRegistry,
    config: Config | undefined,
    logger: LoggerService,
  ): Promise<void> {
    await Promise.all(
      registry
        .allFactories()
        .filter(f => f.service.scope === 'plugin' && f.initialization === 'always')
        .map(f => registry.get(f.service, pluginId)),
    );
    const extensionPoints = new Map<string, unknown>();
    for (const unit of units) {
      for (const { ref, impl } of unit.registrations.extensionPoints)
        extensionPoints.set(ref.id, impl);
    }
    const plugin = units.find(unit => !unit.moduleId)!;
    for (const unit of orderModules(units.filter(unit => unit.moduleId))) {
      await this.initUnit(unit, registry, extensionPoints, config, logger);
    }
    const pluginStarted = await this.initUnit(plugin, registry, extensionPoints, config, logger);
    if (!pluginStarted) return;
    const lifecycle = asPluginLifecycleController(
      await registry.get(coreServices.lifecycle, pluginId),
    );
    this.startedPlugins.push(pluginId);
    await lifecycle.startup();
  }

  /** Runs one init; returns false when it failed and the boot failure policy says continue. */
  private async initUnit(
    unit: Unit,
    registry: ServiceRegistry,
    extensionPoints: Map<string, unknown>,
    config: Config | undefined,
    logger: LoggerService,
  ): Promise<boolean> {
    try {
      const deps: Record<string, unknown> = {};
      for (const [name, ref] of Object.entries(unit.registrations.init.deps)) {
        deps[name] = isServiceRef(ref)
          ? await registry.get(ref, unit.pluginId)
          : extensionPoints.get((ref as ExtensionPoint<unknown>).id);
      }
      await unit.registrations.init.init(deps);
      return true;
    } catch (error) {
      const message = `${capitalize(unit.label)} startup failed; caused by ${stringifyError(error)}`;
      if (bootFailurePolicy(config, unit) === 'continue') {
        logger.error(`${message}; continuing because its boot failure policy is 'continue'`);
        return false;
      }
      throw new BackendStartupError(message, { cause: error });
    }
  }

  private rootLifecycle(registry: ServiceRegistry): Promise<RootLifecycleController> | undefined {
    if (!registry.has(coreServices.rootLifecycle)) return undefined;
    return registry.get(coreServices.rootLifecycle, 'root').then(asRootLifecycleController);
  }

  private async doStop(): Promise<void> {
    const registry = this.registry;
    if (!registry) return;
    const root = await this.rootLifecycle(registry)?.catch(() => undefined);
    await root?.beforeShutdown();
    await Promise.all(
      this.startedPlugins.map(async pluginId =>
        asPluginLifecycleController(
          await registry.get(coreServices.lifecycle, pluginId),
        ).shutdown(),
      ),
    );
    await root?.shutdown();
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

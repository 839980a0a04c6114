import type { ServiceRef } from '../system/serviceRef';
import type {
  BackendModuleFeature,
  BackendPluginFeature,
  DepRef,
  DepsToInstances,
  ExtensionPoint,
  FeatureRegistrations,
} from './types';

/** Plugin and module ids: lower-case words joined by dashes, as Backstage requires. */
export const ID_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/i;

export interface RegistrationEnvironment {
  /** Must be called before `registerInit`. */
  registerExtensionPoint<T>(ref: ExtensionPoint<T>, impl: T): void;
  /** Called exactly once: the services and extension points to receive, and what to do with them. */
  registerInit<TDeps extends Record<string, DepRef>>(options: {
    deps: TDeps;
    init(deps: DepsToInstances<TDeps>): Promise<void>;
  }): void;
}

function collectRegistrations(
  kind: string,
  register: (env: RegistrationEnvironment) => void,
): FeatureRegistrations {
  const extensionPoints: FeatureRegistrations['extensionPoints'] = [];
  let init: FeatureRegistrations['init'] | undefined;
  register({
    registerExtensionPoint(ref, impl) {
      if (init) throw new Error(`registerExtensionPoint called after registerInit in ${kind}`);
      extensionPoints.push({ ref: ref as ExtensionPoint<unknown>, impl });
    },
    registerInit(options) {
      if (init) throw new Error(`registerInit must only be called once in ${kind}`);
      init = {
        deps: options.deps,
        init: deps => options.init(deps as DepsToInstances<typeof options.deps>),
      };
    },
  });
  if (!init) throw new Error(`registerInit was not called by register in ${kind}`);
  return { extensionPoints, init };
}

function assertId(what: string, id: string) {
  if (!ID_PATTERN.test(id)) {
    throw new Error(
      `Invalid ${what} '${id}': use letters, digits and single dashes, starting with a letter`,
    );
  }
}

/** Declares a backend plugin, mounted at `/api/<pluginId>` when it uses the httpRouter. */
export function createBackendPlugin(options: {
  pluginId: string;
  register(env: RegistrationEnvironment): void;
}): BackendPluginFeature {
  assertId('pluginId', options.pluginId);
  return {
    $$type: '@greenroom/BackendFeature',
    featureType: 'plugin',
    pluginId: options.pluginId,
    getRegistrations: () => collectRegistrations(`plugin '${options.pluginId}'`, options.register),
  };
}

/** Declares a module that extends the plugin `pluginId` through its extension points. */
export function createBackendModule(options: {
  pluginId: string;
  moduleId: string;
  register(env: RegistrationEnvironment): void;
}): BackendModuleFeature {
  assertId('pluginId', options.pluginId);
  assertId('moduleId', options.moduleId);
  return {
    $$type: '@greenroom/BackendFeature',
    featureType: 'module',
    pluginId: options.pluginId,
    moduleId: options.moduleId,
    getRegistrations: () =>
      collectRegistrations(
        `module '${options.moduleId}' for plugin '${options.pluginId}'`,
        options.register,
      ),
  };
}

/** True for service refs, false for extension points. */
export function isServiceRef(ref: DepRef): ref is ServiceRef<unknown> {
  return ref.$$type === '@greenroom/ServiceRef';
}

import type { AnyServiceRef, ServiceFactory, ServiceRef } from '../system/serviceRef';

/** A typed handle to an extension point: how modules add behaviour to their plugin. */
export interface ExtensionPoint<T> {
  readonly $$type: '@greenroom/ExtensionPoint';
  readonly id: string;
  /** Phantom field that carries the type; never set at runtime. */
  readonly T: T;
}

export function createExtensionPoint<T>(options: { id: string }): ExtensionPoint<T> {
  return {
    $$type: '@greenroom/ExtensionPoint',
    id: options.id,
    toString: () => `extensionPoint{${options.id}}`,
  } as ExtensionPoint<T>;
}

export type DepRef = AnyServiceRef | ExtensionPoint<unknown>;

/** Maps refs (services or extension points) to the values they stand for. */
export type DepsToInstances<TDeps extends Record<string, DepRef>> = {
  [K in keyof TDeps]: TDeps[K] extends ServiceRef<infer S>
    ? S
    : TDeps[K] extends ExtensionPoint<infer E>
      ? E
      : never;
};

export interface InitRegistration {
  deps: Record<string, DepRef>;
  init(deps: Record<string, unknown>): Promise<void>;
}

/** What a plugin or module declared in its `register` callback. */
export interface FeatureRegistrations {
  extensionPoints: Array<{ ref: ExtensionPoint<unknown>; impl: unknown }>;
  init: InitRegistration;
}

export interface BackendPluginFeature {
  readonly $$type: '@greenroom/BackendFeature';
  readonly featureType: 'plugin';
  readonly pluginId: string;
  getRegistrations(): FeatureRegistrations;
}

export interface BackendModuleFeature {
  readonly $$type: '@greenroom/BackendFeature';
  readonly featureType: 'module';
  readonly pluginId: string;
  readonly moduleId: string;
  getRegistrations(): FeatureRegistrations;
}

/** Anything `backend.add()` accepts. */
export type BackendFeature = BackendPluginFeature | BackendModuleFeature | ServiceFactory;

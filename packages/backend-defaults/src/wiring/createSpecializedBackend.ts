import type { AnyServiceRef, ServiceFactory } from '@greenroom/backend-plugin-api';
import { BackendInitializer } from './BackendInitializer';
import type { FeatureInput } from './featureSet';

export interface Backend {
  /** A plugin, module or service factory, or a promise of one (`import('pkg')` works). */
  add(feature: FeatureInput): void;
  /** Resolves once every plugin has started; rejects with one-line errors naming the culprit. */
  start(): Promise<void>;
  /** Drains requests, runs shutdown hooks and closes pools. */
  stop(): Promise<void>;
  /** A root service instance, e.g. to learn the bound address in tests. */
  getRootService<T>(ref: AnyServiceRef & { scope: 'root' }): Promise<T>;
}

export interface CreateSpecializedBackendOptions {
  defaultServiceFactories: ServiceFactory[];
  /** Stop gracefully on SIGTERM/SIGINT and exit. Default true; tests turn it off. */
  handleProcessSignals?: boolean;
}

/** A backend with the given default services; `createBackend()` is this with Greenroom's defaults. */
export function createSpecializedBackend(options: CreateSpecializedBackendOptions): Backend {
  const ids = new Set<string>();
  for (const factory of options.defaultServiceFactories) {
    if (ids.has(factory.service.id)) {
      throw new Error(`Duplicate service implementations provided for ${factory.service.id}`);
    }
    ids.add(factory.service.id);
  }
  const initializer = new BackendInitializer(options.defaultServiceFactories);
  return {
    add: feature => initializer.add(feature),
    async start() {
      if (options.handleProcessSignals ?? true) stopOnSignals(() => initializer.stop());
      await initializer.start();
    },
    stop: () => initializer.stop(),
    getRootService: ref => initializer.getRootService(ref),
  };
}

function stopOnSignals(stop: () => Promise<void>) {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      // A second signal means the operator is done waiting.
      process.exit(1);
    }
    stopping = true;
    stop().then(
      () => process.exit(0),
      error => {
        console.error(
          `Backend shutdown after ${signal} failed: ${error instanceof Error ? error.message : String(error)}`,
        );
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

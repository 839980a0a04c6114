import type {
  EventsService,
  LoggerService,
  SchedulerService,
  UrlReaderService,
} from '@greenroom/backend-plugin-api';
import { durationToMs, type Config } from '@greenroom/config';
import type {
  CatalogProcessor,
  EntityProvider,
  PlaceholderResolver,
} from '@greenroom/plugin-catalog-node';
import type { Knex } from 'knex';
import type { CatalogStore } from '../database/CatalogStore';
import { TABLES } from '../database/tables';
import { confineFileReads } from '../locations/confineFileReads';
import { readProcessingConfig } from './config';
import { staticSourceLocation } from './locationKeys';
import type { ProcessingContext } from './processClaimedEntity';
import { createProcessingEngine, type ProcessingEngine } from './ProcessingEngine';
import { createConfigLocationProvider } from './providers/configLocationProvider';
import { createProviderConnection } from './providers/createProviderConnection';
import { readText } from './readText';
import type { CustomPlaceholderResolver } from './resolvePlaceholders';
import { resolveTarget } from './locationKeys';
import { scheduleCatalogRefresh } from './scheduleCatalogRefresh';

/** What modules added through `catalogProcessingExtensionPoint`. */
export interface ProcessingExtensions {
  processors: CatalogProcessor[];
  providers: EntityProvider[];
  placeholderResolvers: Map<string, PlaceholderResolver>;
}

/** The running engine, and the context it processes with (for `POST /locations?dryRun`). */
export interface CatalogProcessing {
  engine: ProcessingEngine;
  /**
   * The engine's processing context; `registering` (a `type:target`) is treated as a registered
   * location already, so a dry run reads with the same confinement its registration will.
   */
  context(registering?: string): Promise<ProcessingContext>;
}

/**
 * Wires the engine: context per origin (rules, confined reader), providers (config, registered,
 * modules') connected, the loop started, and the periodic provider refresh scheduled.
 */
export async function createCatalogProcessing(deps: {
  config: Config;
  knex: Knex;
  store: CatalogStore;
  reader: UrlReaderService;
  events: EventsService;
  logger: LoggerService;
  scheduler: SchedulerService;
  fileRoots: readonly string[];
  extensions: ProcessingExtensions;
  /** Built-in providers besides the config one (the registered-locations provider). */
  providers: EntityProvider[];
}): Promise<CatalogProcessing> {
  const { knex, reader, logger, extensions } = deps;
  const config = readProcessingConfig(deps.config);
  const intervalMs = durationToMs(config.processingInterval, 'catalog.processingInterval');
  const rulesByOrigin = new Map(
    config.locations.map(l => [staticSourceLocation(l.type, l.target).key, l.rules]),
  );
  const confined = confineFileReads(reader, deps.fileRoots);
  const processors = [...extensions.processors].sort(
    (a, b) => (a.getPriority?.() ?? 20) - (b.getPriority?.() ?? 20),
  );

  const context = async (registering?: string): Promise<ProcessingContext> => {
    // Registered locations are few; reading them per batch keeps instances in step.
    const registered = new Set(
      (await knex(TABLES.locations).select('type', 'target')).map(
        (r: { type: string; target: string }) => `${r.type}:${r.target}`,
      ),
    );
    if (registering) registered.add(registering);
    return {
      processors,
      placeholderResolvers: bindResolvers(extensions.placeholderResolvers),
      readerFor: origin => (registered.has(origin) ? confined : reader),
      rulesFor: origin => rulesByOrigin.get(origin) ?? config.rules,
    };
  };

  function bindResolvers(resolvers: Map<string, PlaceholderResolver>) {
    const bound = new Map<string, CustomPlaceholderResolver>();
    for (const [key, resolver] of resolvers) {
      bound.set(key, (k, value, location, entityReader) =>
        resolver({
          key: k,
          value,
          baseUrl: location.target,
          read: async url =>
            Buffer.from(await readText(entityReader, resolveTarget(location, url))),
          resolveUrl: (url, base) => resolveTarget({ ...location, target: base }, url).target,
          emit: () => {},
        }),
      );
    }
    return bound;
  }

  const engine = createProcessingEngine({
    knex,
    store: deps.store,
    events: deps.events,
    logger,
    context,
    processingIntervalMs: intervalMs,
    orphanStrategy: config.orphanStrategy,
    batchSize: config.processingBatchSize,
  });
  const configProvider = createConfigLocationProvider(config.locations);
  const providers: EntityProvider[] = [configProvider, ...deps.providers, ...extensions.providers];
  const names = new Set<string>();
  for (const provider of providers) {
    const name = provider.getProviderName();
    if (names.has(name)) throw new Error(`Duplicate catalog entity provider name '${name}'`);
    names.add(name);
    await provider.connect(createProviderConnection({ knex, providerName: name, engine, logger }));
  }
  await scheduleCatalogRefresh({
    scheduler: deps.scheduler,
    logger,
    frequency: config.processingInterval,
    refresh: async () => {
      await configProvider.refresh();
      await knex(TABLES.refreshState)
        .where('entity_ref', 'like', 'location:%')
        .update({ next_update_at: Date.now() });
      engine.wake();
    },
  });
  engine.start();
  return { engine, context };
}

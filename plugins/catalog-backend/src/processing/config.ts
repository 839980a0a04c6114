import type { Config, HumanDuration } from '@greenroom/config';
import { InputError } from '@greenroom/errors';
import { globToRegExp } from './globPattern';

/** One `catalog.rules` entry: the kinds it allows, optionally only for some locations. */
export interface CatalogRule {
  allow: string[];
  locations?: Array<{ type: string; exact?: string; pattern?: string }>;
}

/** A `catalog.locations` entry, with its own rules when it has any. */
export interface StaticLocation {
  type: 'file' | 'url';
  target: string;
  rules?: CatalogRule[];
  /**
   * Set for locations registered through the API: files reached from them (Location targets,
   * placeholders) must lie under these directories.
   */
  fileRoots?: readonly string[];
}

export type OrphanStrategy = 'keep' | 'delete';

export interface ProcessingConfig {
  locations: StaticLocation[];
  rules: CatalogRule[];
  processingInterval: HumanDuration;
  orphanStrategy: OrphanStrategy;
  /** Rows one instance claims per batch (`catalog.processingBatchSize`). */
  processingBatchSize: number;
}

// Backstage's defaults: only these kinds when `catalog.rules` is unset, and orphans are deleted
// since catalog-backend 3.0.0.
const DEFAULT_RULES: CatalogRule[] = [{ allow: ['Component', 'API', 'Location'] }];
const DEFAULT_INTERVAL: HumanDuration = { seconds: 100 };

function readRules(configs: Config[] | undefined): CatalogRule[] | undefined {
  return configs?.map(rule => ({
    allow: rule.getStringArray('allow'),
    locations: rule.getOptionalConfigArray('locations')?.map(l => ({
      type: l.getString('type'),
      exact: l.getOptionalString('exact'),
      pattern: l.getOptionalString('pattern'),
    })),
  }));
}

/** Reads the `catalog.*` keys the ingestion engine uses; throws InputError on bad values. */
export function readProcessingConfig(config: Config): ProcessingConfig {
  const catalog = config.getOptionalConfig('catalog');
  const locations = (catalog?.getOptionalConfigArray('locations') ?? []).map(
    (l): StaticLocation => {
      const type = l.getString('type');
      if (type !== 'file' && type !== 'url') {
        throw new InputError(`catalog.locations: unsupported type '${type}' (use file or url)`);
      }
      return {
        type,
        target: l.getString('target'),
        rules: readRules(l.getOptionalConfigArray('rules')),
      };
    },
  );
  const orphanStrategy = catalog?.getOptionalString('orphanStrategy') ?? 'delete';
  if (orphanStrategy !== 'keep' && orphanStrategy !== 'delete') {
    throw new InputError(`catalog.orphanStrategy must be 'keep' or 'delete'`);
  }
  const processingBatchSize = catalog?.getOptionalNumber('processingBatchSize') ?? 250;
  if (!Number.isInteger(processingBatchSize) || processingBatchSize < 1) {
    throw new InputError('catalog.processingBatchSize must be a positive integer');
  }
  return {
    locations,
    processingBatchSize,
    rules: readRules(catalog?.getOptionalConfigArray('rules')) ?? DEFAULT_RULES,
    processingInterval:
      catalog?.getOptional<HumanDuration>('processingInterval') ?? DEFAULT_INTERVAL,
    orphanStrategy,
  };
}

/** Whether the rules let an entity of `kind`, read from `location`, into the catalog. */
export function isKindAllowed(
  rules: readonly CatalogRule[],
  kind: string,
  location: { type: string; target: string },
): boolean {
  const k = kind.toLowerCase();
  return rules.some(
    rule =>
      rule.allow.some(a => a.toLowerCase() === k) &&
      (!rule.locations ||
        rule.locations.some(
          l =>
            l.type === location.type &&
            (l.exact === undefined || l.exact === location.target) &&
            (l.pattern === undefined || globToRegExp(l.pattern).test(location.target)),
        )),
  );
}

import type { LoggerService } from '@greenroom/backend-plugin-api';
import { stringifyEntityRef } from '@greenroom/catalog-model';
import type { DeferredEntity, EntityProviderConnection } from '@greenroom/plugin-catalog-node';
import type { Knex } from 'knex';
import { applyProviderMutation, refreshByKeys } from '../../database/applyProviderMutation';
import type { DeferredRow } from '../../database/refreshStateTypes';
import type { ProcessingEngine } from '../ProcessingEngine';

function toRow(d: DeferredEntity): DeferredRow {
  return {
    json: JSON.stringify(d.entity),
    ref: stringifyEntityRef(d.entity),
    locationKey: d.locationKey ?? null,
  };
}

/** The connection a provider writes through: its mutations land in the engine's tables. */
export function createProviderConnection(options: {
  knex: Knex;
  providerName: string;
  engine: ProcessingEngine;
  logger: LoggerService;
}): EntityProviderConnection {
  const { knex, providerName, engine, logger } = options;
  return {
    async applyMutation(mutation) {
      const result = await applyProviderMutation(
        knex,
        providerName,
        mutation.type === 'full'
          ? { type: 'full', entities: mutation.entities.map(toRow) }
          : {
              type: 'delta',
              added: mutation.added.map(toRow),
              removed: mutation.removed.map(r =>
                'entityRef' in r
                  ? { ref: r.entityRef.toLowerCase(), locationKey: r.locationKey }
                  : toRow(r),
              ),
            },
      );
      for (const { row, holder } of result.conflicts) {
        logger.warn(
          `${providerName}: ${row.ref} from ${row.locationKey} conflicts with the same entity from ${holder}`,
        );
      }
      await engine.stitch(result.restitch);
      engine.wake();
    },
    async refresh({ keys }) {
      await refreshByKeys(knex, keys);
      engine.wake();
    },
  };
}

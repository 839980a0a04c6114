import type {
  DeferredEntity,
  EntityProvider,
  EntityProviderConnection,
} from '@greenroom/plugin-catalog-node';
import { stringifyEntityRef } from '@greenroom/catalog-model';
import { generatedLocationEntity } from '../processing/providers/generatedLocationEntity';
import type { LocationStore, RegisteredLocation } from './LocationStore';

export const REGISTERED_LOCATIONS_PROVIDER = 'RegisteredLocationsProvider';

/** Feeds the engine from the `locations` table; the API applies each change as a delta. */
export interface RegisteredLocationsProvider extends EntityProvider {
  added(location: RegisteredLocation): Promise<void>;
  removed(location: RegisteredLocation): Promise<void>;
  /** The full set again, from the table (another instance may have changed it). */
  refresh(): Promise<void>;
}

function deferred({ type, target }: RegisteredLocation): DeferredEntity {
  return { entity: generatedLocationEntity(type, target), locationKey: `${type}:${target}` };
}

export function createRegisteredLocationsProvider(
  store: LocationStore,
): RegisteredLocationsProvider {
  let connection: EntityProviderConnection | undefined;
  const provider: RegisteredLocationsProvider = {
    getProviderName: () => REGISTERED_LOCATIONS_PROVIDER,
    async connect(c) {
      connection = c;
      await provider.refresh();
    },
    async refresh() {
      await connection?.applyMutation({
        type: 'full',
        entities: (await store.list()).map(deferred),
      });
    },
    async added(location) {
      await connection?.applyMutation({ type: 'delta', added: [deferred(location)], removed: [] });
    },
    async removed(location) {
      const { entity, locationKey } = deferred(location);
      await connection?.applyMutation({
        type: 'delta',
        added: [],
        removed: [{ entityRef: stringifyEntityRef(entity), locationKey }],
      });
    },
  };
  return provider;
}

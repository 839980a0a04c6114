import type { EntityProvider, EntityProviderConnection } from '@greenroom/plugin-catalog-node';
import type { StaticLocation } from '../config';
import { staticSourceLocation } from '../locationKeys';
import { generatedLocationEntity } from './generatedLocationEntity';

export const CONFIG_LOCATION_PROVIDER = 'ConfigLocationProvider';

/** `catalog.locations` as generated Location entities (a full mutation on start and refresh). */
export function createConfigLocationProvider(locations: readonly StaticLocation[]) {
  let connection: EntityProviderConnection | undefined;
  const provider: EntityProvider & { refresh(): Promise<void> } = {
    getProviderName: () => CONFIG_LOCATION_PROVIDER,
    async connect(c) {
      connection = c;
      await provider.refresh();
    },
    async refresh() {
      await connection?.applyMutation({
        type: 'full',
        entities: locations.map(l => {
          const { type, target, key } = staticSourceLocation(l.type, l.target);
          return {
            entity: generatedLocationEntity(type, target, 'bootstrap:bootstrap'),
            locationKey: key,
          };
        }),
      });
    },
  };
  return provider;
}

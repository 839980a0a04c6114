import type { UrlReaderService } from '@greenroom/backend-plugin-api';
import type { Entity } from '@greenroom/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@greenroom/errors';
import { collectEntities } from '../processing/collectEntities';
import type { CatalogRule } from '../processing/config';
import { staticSourceLocation } from '../processing/locationKeys';

/**
 * The entities registering this location would produce (`POST /locations?dryRun=true`),
 * nothing written. A location that can not be read at all is an error, as in Backstage.
 */
export async function previewLocation(options: {
  reader: UrlReaderService;
  rules: readonly CatalogRule[];
  location: { type: 'file' | 'url'; target: string };
}): Promise<Entity[]> {
  const { type, target } = options.location;
  const collected = await collectEntities({
    reader: options.reader,
    locations: [{ type, target }],
    rules: options.rules,
    previous: { fromLocation: async () => [], byRef: async () => undefined },
  });
  const rootKey = staticSourceLocation(type, target).key;
  // Only the generated root came out and its own key failed: the read itself failed (entity
  // and YAML errors leave the root's siblings or are SyntaxErrors).
  const unreadable =
    collected.candidates.length === 1
      ? collected.detached.find(d => d.location === rootKey && d.error.name !== 'SyntaxError')
      : undefined;
  if (unreadable) {
    const message = `Could not read ${rootKey}: ${unreadable.error.message}`;
    if (unreadable.error.name === 'NotAllowedError') throw new NotAllowedError(message);
    if (unreadable.error.name === 'NotFoundError') throw new NotFoundError(message);
    throw new InputError(message);
  }
  return collected.candidates.map(c => c.entity);
}

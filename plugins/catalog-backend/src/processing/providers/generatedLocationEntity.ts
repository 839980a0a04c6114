import { createHash } from 'node:crypto';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  type Entity,
} from '@greenroom/catalog-model';

/**
 * The Location entity Backstage generates for a location: `generated-<sha1("type:target")>`.
 * Registered locations carry their own `type:target` in both managed-by annotations; configured
 * ones are `bootstrap:bootstrap`, as Backstage's config provider writes them.
 */
export function generatedLocationEntity(
  type: string,
  target: string,
  managedBy = `${type}:${target}`,
): Entity {
  const name = `generated-${createHash('sha1').update(`${type}:${target}`).digest('hex')}`;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Location',
    metadata: {
      name,
      namespace: 'default',
      annotations: { [ANNOTATION_LOCATION]: managedBy, [ANNOTATION_ORIGIN_LOCATION]: managedBy },
    },
    spec: { type, target, presence: 'required' },
  };
}

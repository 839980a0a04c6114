import type { SchemaObject } from 'ajv';
import type { Entity } from '../entity/Entity';
import {
  apiSpecSchema,
  componentSpecSchema,
  domainSpecSchema,
  groupSpecSchema,
  locationSpecSchema,
  resourceSpecSchema,
  systemSpecSchema,
  userSpecSchema,
} from './schemas/catalogKindSchemas';
import { templateSpecSchema } from './schemas/templateSpecSchema';

/** A kind whose spec the model validates, with the apiVersions that select it. */
export interface BuiltInKind {
  kind: string;
  apiVersions: readonly string[];
  specSchema: SchemaObject;
}

const backstageVersions = ['backstage.io/v1alpha1', 'backstage.io/v1beta1'] as const;

export const BUILT_IN_KINDS: readonly BuiltInKind[] = [
  { kind: 'Component', apiVersions: backstageVersions, specSchema: componentSpecSchema },
  { kind: 'API', apiVersions: backstageVersions, specSchema: apiSpecSchema },
  { kind: 'Resource', apiVersions: backstageVersions, specSchema: resourceSpecSchema },
  { kind: 'System', apiVersions: backstageVersions, specSchema: systemSpecSchema },
  { kind: 'Domain', apiVersions: backstageVersions, specSchema: domainSpecSchema },
  { kind: 'Group', apiVersions: backstageVersions, specSchema: groupSpecSchema },
  { kind: 'User', apiVersions: backstageVersions, specSchema: userSpecSchema },
  { kind: 'Location', apiVersions: backstageVersions, specSchema: locationSpecSchema },
  {
    kind: 'Template',
    apiVersions: ['scaffolder.backstage.io/v1beta3'],
    specSchema: templateSpecSchema,
  },
];

/**
 * The built-in kind an entity belongs to, matched exactly (case-sensitive) on kind and
 * apiVersion as Backstage's kind validators do; `undefined` for any other pair.
 */
export function findBuiltInKind(
  entity: Pick<Entity, 'apiVersion' | 'kind'>,
): BuiltInKind | undefined {
  return BUILT_IN_KINDS.find(
    candidate =>
      candidate.kind === entity.kind && candidate.apiVersions.includes(entity.apiVersion),
  );
}

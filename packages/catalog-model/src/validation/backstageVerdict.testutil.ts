// Test-only: the reference verdict from @backstage/catalog-model (a devDependency).
import {
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  DefaultNamespaceEntityPolicy,
  domainEntityV1alpha1Validator,
  EntityPolicies,
  FieldFormatEntityPolicy,
  groupEntityV1alpha1Validator,
  locationEntityV1alpha1Validator,
  NoForeignRootFieldsEntityPolicy,
  resourceEntityV1alpha1Validator,
  SchemaValidEntityPolicy,
  systemEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import type { Entity } from '@backstage/catalog-model';

const policies = EntityPolicies.allOf([
  new DefaultNamespaceEntityPolicy(),
  new FieldFormatEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new SchemaValidEntityPolicy(),
]);
const kindValidators = [
  componentEntityV1alpha1Validator,
  apiEntityV1alpha1Validator,
  resourceEntityV1alpha1Validator,
  systemEntityV1alpha1Validator,
  domainEntityV1alpha1Validator,
  groupEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
  locationEntityV1alpha1Validator,
];

/**
 * Backstage's default entity policies, then its kind validators. A kind no validator claims
 * gets the envelope rules only, as in the catalog's default setup.
 */
export async function backstageAccepts(document: unknown): Promise<boolean> {
  try {
    // The policies fill in defaults; give them a copy so our validator sees the original.
    const enforced = await policies.enforce(structuredClone(document) as Entity);
    if (!enforced) return false;
    for (const validator of kindValidators) {
      if (await validator.check(enforced)) return true;
    }
    return true;
  } catch {
    return false;
  }
}

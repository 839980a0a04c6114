export { DEFAULT_NAMESPACE } from './entity/Entity';
export type {
  CompoundEntityRef,
  Entity,
  EntityLink,
  EntityMeta,
  EntityRelation,
  EntityStatus,
  EntityStatusItem,
  EntityStatusLevel,
} from './entity/Entity';
export { getCompoundEntityRef, parseEntityRef, stringifyEntityRef } from './entity/ref';
export type { EntityRefInput, ParseEntityRefContext } from './entity/ref';
export type {
  ApiEntity,
  ApiSpec,
  BackstageApiVersion,
  BuiltInKindEntity,
  ComponentEntity,
  ComponentSpec,
  DomainEntity,
  DomainSpec,
  EntityProfile,
  GroupEntity,
  GroupSpec,
  LocationEntity,
  LocationSpec,
  ResourceEntity,
  ResourceSpec,
  SystemEntity,
  SystemSpec,
  TemplateEntity,
  TemplateFormDecorator,
  TemplateSpec,
  TemplateStep,
  UserEntity,
  UserSpec,
} from './kinds/types';
export { BUILT_IN_KINDS, findBuiltInKind } from './kinds/builtInKinds';
export type { BuiltInKind } from './kinds/builtInKinds';
export { assertValidEntity, InvalidEntityError, validateEntity } from './validation/validateEntity';
export type {
  EntityValidationIssue,
  EntityValidationResult,
  ValidateEntityOptions,
} from './validation/types';
export {
  isNonEmptyString,
  isValidAnnotationKey,
  isValidAnnotationValue,
  isValidApiVersion,
  isValidDnsLabel,
  isValidDnsSubdomain,
  isValidEntityName,
  isValidKind,
  isValidLabelKey,
  isValidLabelValue,
  isValidNamespace,
  isValidTag,
  isValidUrl,
} from './validation/fieldFormats';
export {
  RELATION_API_CONSUMED_BY,
  RELATION_API_PROVIDED_BY,
  RELATION_CHILD_OF,
  RELATION_CONSUMES_API,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_HAS_MEMBER,
  RELATION_HAS_PART,
  RELATION_MEMBER_OF,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
  RELATION_PAIRS,
  RELATION_PARENT_OF,
  RELATION_PART_OF,
  RELATION_PROVIDES_API,
  reverseRelation,
} from './relations/relations';
export {
  ANNOTATION_EDIT_URL,
  ANNOTATION_KUBERNETES_API_SERVER,
  ANNOTATION_KUBERNETES_API_SERVER_CA,
  ANNOTATION_KUBERNETES_AUTH_PROVIDER,
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  ANNOTATION_ORPHAN,
  ANNOTATION_SOURCE_LOCATION,
  ANNOTATION_SOURCE_TEMPLATE,
  ANNOTATION_TECHDOCS_ENTITY,
  ANNOTATION_TECHDOCS_ENTITY_PATH,
  ANNOTATION_TECHDOCS_REF,
  ANNOTATION_VIEW_URL,
} from './annotations/annotations';
export {
  getEntitySourceLocation,
  parseLocationRef,
  stringifyLocationRef,
} from './location/locationRef';
export type { LocationRef } from './location/locationRef';

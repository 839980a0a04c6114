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
  BackstageApiVersion,
  BuiltInKindEntity,
  ComponentEntity,
  DomainEntity,
  EntityProfile,
  GroupEntity,
  LocationEntity,
  ResourceEntity,
  SystemEntity,
  TemplateEntity,
  UserEntity,
} from './kinds/types';

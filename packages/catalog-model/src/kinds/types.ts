import type { Entity, EntityMeta } from '../entity/Entity';

/** apiVersions the built-in `backstage.io` kinds accept. */
export type BackstageApiVersion = 'backstage.io/v1alpha1' | 'backstage.io/v1beta1';

interface BuiltInEntity<K extends string, S extends Record<string, unknown>> extends Entity {
  apiVersion: BackstageApiVersion;
  kind: K;
  metadata: EntityMeta;
  spec: S;
}

export interface ComponentEntity extends BuiltInEntity<
  'Component',
  {
    type: string;
    lifecycle: string;
    owner: string;
    system?: string;
    subcomponentOf?: string;
    providesApis?: string[];
    consumesApis?: string[];
    dependsOn?: string[];
    dependencyOf?: string[];
    [key: string]: unknown;
  }
> {}

export interface ApiEntity extends BuiltInEntity<
  'API',
  {
    type: string;
    lifecycle: string;
    owner: string;
    /** The API definition text (OpenAPI, AsyncAPI, GraphQL, ...). */
    definition: string;
    system?: string;
    [key: string]: unknown;
  }
> {}

export interface ResourceEntity extends BuiltInEntity<
  'Resource',
  {
    type: string;
    owner: string;
    dependsOn?: string[];
    dependencyOf?: string[];
    system?: string;
    [key: string]: unknown;
  }
> {}

export interface SystemEntity extends BuiltInEntity<
  'System',
  { owner: string; domain?: string; type?: string; [key: string]: unknown }
> {}

export interface DomainEntity extends BuiltInEntity<
  'Domain',
  { owner: string; subdomainOf?: string; type?: string; [key: string]: unknown }
> {}

export interface EntityProfile {
  displayName?: string;
  email?: string;
  picture?: string;
}

export interface GroupEntity extends BuiltInEntity<
  'Group',
  {
    type: string;
    children: string[];
    profile?: EntityProfile;
    parent?: string;
    members?: string[];
    [key: string]: unknown;
  }
> {}

export interface UserEntity extends BuiltInEntity<
  'User',
  { memberOf: string[]; profile?: EntityProfile; [key: string]: unknown }
> {}

export interface LocationEntity extends BuiltInEntity<
  'Location',
  {
    type?: string;
    target?: string;
    targets?: string[];
    presence?: 'required' | 'optional';
    [key: string]: unknown;
  }
> {}

export interface TemplateEntity extends Entity {
  apiVersion: 'scaffolder.backstage.io/v1beta3';
  kind: 'Template';
  spec: {
    type: string;
    owner?: string;
    lifecycle?: string;
    /** One JSON Schema form page, or several. */
    parameters?: Record<string, unknown> | Array<Record<string, unknown>>;
    steps: Array<{
      id?: string;
      name?: string;
      action: string;
      input?: Record<string, unknown>;
      if?: string | boolean;
      'backstage:permissions'?: { tags?: string[] };
      [key: string]: unknown;
    }>;
    secrets?: { schema?: Record<string, unknown> };
    presentation?: {
      buttonLabels?: {
        backButtonText?: string;
        createButtonText?: string;
        reviewButtonText?: string;
      };
    };
    output?: {
      links?: Array<{ url?: string; entityRef?: string; title?: string; icon?: string }>;
      text?: Array<{ title?: string; icon?: string; content?: string; default?: boolean }>;
      [key: string]: unknown;
    };
    formDecorators?: Array<{ id: string; input?: Record<string, unknown> }>;
    EXPERIMENTAL_formDecorators?: Array<{ id: string; input?: Record<string, unknown> }>;
    EXPERIMENTAL_recovery?: { EXPERIMENTAL_strategy?: 'none' | 'startOver' };
    [key: string]: unknown;
  };
}

/** Every built-in kind. */
export type BuiltInKindEntity =
  | ComponentEntity
  | ApiEntity
  | ResourceEntity
  | SystemEntity
  | DomainEntity
  | GroupEntity
  | UserEntity
  | LocationEntity
  | TemplateEntity;

import type { Entity } from '../entity/Entity';

/** apiVersions the built-in `backstage.io` kinds accept. */
export type BackstageApiVersion = 'backstage.io/v1alpha1' | 'backstage.io/v1beta1';

// Spec interfaces keep an index signature: Backstage allows fields beyond the schema.

export interface ComponentSpec {
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

export interface ComponentEntity extends Entity {
  apiVersion: BackstageApiVersion;
  kind: 'Component';
  spec: ComponentSpec;
}

export interface ApiSpec {
  type: string;
  lifecycle: string;
  owner: string;
  /** The API definition text (OpenAPI, AsyncAPI, GraphQL, ...). */
  definition: string;
  system?: string;
  [key: string]: unknown;
}

export interface ApiEntity extends Entity {
  apiVersion: BackstageApiVersion;
  kind: 'API';
  spec: ApiSpec;
}

export interface ResourceSpec {
  type: string;
  owner: string;
  dependsOn?: string[];
  dependencyOf?: string[];
  system?: string;
  [key: string]: unknown;
}

export interface ResourceEntity extends Entity {
  apiVersion: BackstageApiVersion;
  kind: 'Resource';
  spec: ResourceSpec;
}

export interface SystemSpec {
  owner: string;
  domain?: string;
  type?: string;
  [key: string]: unknown;
}

export interface SystemEntity extends Entity {
  apiVersion: BackstageApiVersion;
  kind: 'System';
  spec: SystemSpec;
}

export interface DomainSpec {
  owner: string;
  subdomainOf?: string;
  type?: string;
  [key: string]: unknown;
}

export interface DomainEntity extends Entity {
  apiVersion: BackstageApiVersion;
  kind: 'Domain';
  spec: DomainSpec;
}

export interface EntityProfile {
  displayName?: string;
  email?: string;
  picture?: string;
}

export interface GroupSpec {
  type: string;
  children: string[];
  profile?: EntityProfile;
  parent?: string;
  members?: string[];
  [key: string]: unknown;
}

export interface GroupEntity extends Entity {
  apiVersion: BackstageApiVersion;
  kind: 'Group';
  spec: GroupSpec;
}

export interface UserSpec {
  memberOf: string[];
  profile?: EntityProfile;
  [key: string]: unknown;
}

export interface UserEntity extends Entity {
  apiVersion: BackstageApiVersion;
  kind: 'User';
  spec: UserSpec;
}

export interface LocationSpec {
  type?: string;
  target?: string;
  targets?: string[];
  presence?: 'required' | 'optional';
  [key: string]: unknown;
}

export interface LocationEntity extends Entity {
  apiVersion: BackstageApiVersion;
  kind: 'Location';
  spec: LocationSpec;
}

export interface TemplateStep {
  id?: string;
  name?: string;
  action: string;
  input?: Record<string, unknown>;
  if?: string | boolean;
  'backstage:permissions'?: { tags?: string[] };
  [key: string]: unknown;
}

export interface TemplateFormDecorator {
  id?: string;
  input?: Record<string, unknown>;
}

export interface TemplateSpec {
  type: string;
  owner?: string;
  lifecycle?: string;
  /** One JSON Schema form page, or several. */
  parameters?: Record<string, unknown> | Array<Record<string, unknown>>;
  steps: TemplateStep[];
  secrets?: { schema?: Record<string, unknown> };
  presentation?: {
    buttonLabels?: {
      backButtonText?: string;
      createButtonText?: string;
      reviewButtonText?: string;
    };
  };
  output?: {
    links?: Array<{
      if?: string | boolean;
      url?: string;
      entityRef?: string;
      title?: string;
      icon?: string;
    }>;
    text?: Array<{ if?: string | boolean; title?: string; icon?: string; content?: string }>;
    [key: string]: unknown;
  };
  formDecorators?: TemplateFormDecorator[];
  EXPERIMENTAL_formDecorators?: TemplateFormDecorator[];
  EXPERIMENTAL_recovery?: { EXPERIMENTAL_strategy?: string };
  [key: string]: unknown;
}

export interface TemplateEntity extends Entity {
  apiVersion: 'scaffolder.backstage.io/v1beta3';
  kind: 'Template';
  spec: TemplateSpec;
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

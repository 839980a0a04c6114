/** The namespace an entity lives in when `metadata.namespace` is absent. */
export const DEFAULT_NAMESPACE = 'default';

/** A link shown on an entity page. */
export interface EntityLink {
  url: string;
  title?: string;
  icon?: string;
  type?: string;
}

/** The `metadata` block shared by every entity. Unknown keys are allowed. */
export interface EntityMeta {
  name: string;
  namespace?: string;
  title?: string;
  description?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  tags?: string[];
  links?: EntityLink[];
  /** Set by the catalog; clients must not set it. */
  uid?: string;
  /** Set by the catalog; changes whenever the stored entity changes. */
  etag?: string;
  [key: string]: unknown;
}

/** The compound form of an entity reference. */
export interface CompoundEntityRef {
  kind: string;
  namespace: string;
  name: string;
}

/** A relation from this entity to another, written by the catalog. */
export interface EntityRelation {
  type: string;
  targetRef: string;
  /** Legacy object form that older clients still read. */
  target?: CompoundEntityRef;
}

export type EntityStatusLevel = 'info' | 'warning' | 'error';

export interface EntityStatusItem {
  type: string;
  level: EntityStatusLevel;
  message: string;
  error?: { name: string; message: string; code?: string; stack?: string };
}

export interface EntityStatus {
  items?: EntityStatusItem[];
}

/** Any catalog entity: the envelope every kind shares. */
export interface Entity {
  apiVersion: string;
  kind: string;
  metadata: EntityMeta;
  spec?: Record<string, unknown>;
  relations?: EntityRelation[];
  status?: EntityStatus;
}

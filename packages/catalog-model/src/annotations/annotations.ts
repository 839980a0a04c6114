/** Location ref (`<type>:<target>`) the entity was read from. Written by the catalog. */
export const ANNOTATION_LOCATION = 'backstage.io/managed-by-location';
/** Location ref whose registration led to the entity. Written by the catalog. */
export const ANNOTATION_ORIGIN_LOCATION = 'backstage.io/managed-by-origin-location';
/** Location ref of the entity's source code; folder URLs end with `/`. */
export const ANNOTATION_SOURCE_LOCATION = 'backstage.io/source-location';
export const ANNOTATION_VIEW_URL = 'backstage.io/view-url';
export const ANNOTATION_EDIT_URL = 'backstage.io/edit-url';
/** `'true'` when no location keeps the entity alive. Written by the catalog. */
export const ANNOTATION_ORPHAN = 'backstage.io/orphan';
/** Where the docs source lives: `dir:<relative path>` or `url:<absolute URL>`. */
export const ANNOTATION_TECHDOCS_REF = 'backstage.io/techdocs-ref';
/** Ref of another entity whose docs this entity shows. */
export const ANNOTATION_TECHDOCS_ENTITY = 'backstage.io/techdocs-entity';
export const ANNOTATION_TECHDOCS_ENTITY_PATH = 'backstage.io/techdocs-entity-path';
/** Ref of the template that created the entity. */
export const ANNOTATION_SOURCE_TEMPLATE = 'backstage.io/source-template';
export const ANNOTATION_KUBERNETES_API_SERVER = 'kubernetes.io/api-server';
export const ANNOTATION_KUBERNETES_API_SERVER_CA = 'kubernetes.io/api-server-certificate-authority';
export const ANNOTATION_KUBERNETES_AUTH_PROVIDER = 'kubernetes.io/auth-provider';

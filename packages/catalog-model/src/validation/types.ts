/** One problem with one field. `path` is dotted (`metadata.name`, `spec.owner`, `metadata.tags.2`). */
export interface EntityValidationIssue {
  path: string;
  message: string;
}

export type EntityValidationResult =
  { valid: true } | { valid: false; errors: EntityValidationIssue[] };

export interface ValidateEntityOptions {
  /**
   * Accept the server-written root fields `relations` and `status`, for entities read back from
   * the catalog. Off by default: like Backstage, entities from files must not carry them.
   */
  allowServerFields?: boolean;
}

import type { Entity } from '../entity/Entity';
import { findBuiltInKind } from '../kinds/builtInKinds';
import { entityEnvelopeSchema } from './envelopeSchema';
import { fieldFormatIssues } from './fieldFormatIssues';
import { joinPath } from './paths';
import { schemaIssues } from './schemaErrors';
import type { EntityValidationIssue, EntityValidationResult, ValidateEntityOptions } from './types';

const USER_ROOT_FIELDS = ['apiVersion', 'kind', 'metadata', 'spec'];
const SERVER_ROOT_FIELDS = ['relations', 'status'];
// A hostile document can produce one issue per array element; the first ones are enough to act on.
const MAX_ISSUES = 100;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindSpecIssues(entity: Record<string, unknown>): EntityValidationIssue[] {
  if (typeof entity.kind !== 'string' || typeof entity.apiVersion !== 'string') return [];
  const kind = findBuiltInKind({ kind: entity.kind, apiVersion: entity.apiVersion });
  if (!kind) return []; // Unknown kinds get the envelope rules only.
  if (entity.spec === undefined) return [{ path: 'spec', message: 'is required' }];
  // A spec of the wrong type is already reported by the envelope.
  return isRecord(entity.spec) ? schemaIssues(kind.specSchema, entity.spec, 'spec') : [];
}

function dedupe(issues: EntityValidationIssue[]): EntityValidationIssue[] {
  const seen = new Set<string>();
  return issues.filter(issue => {
    const key = `${issue.path}\n${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Checks an entity the way Backstage's catalog does before accepting it: the envelope, the
 * field formats, no foreign root fields, and the spec schema of built-in kinds.
 */
export function validateEntity(
  entity: unknown,
  options: ValidateEntityOptions = {},
): EntityValidationResult {
  if (!isRecord(entity))
    return { valid: false, errors: [{ path: '', message: 'entity must be an object' }] };

  const allowed = options.allowServerFields
    ? [...USER_ROOT_FIELDS, ...SERVER_ROOT_FIELDS]
    : USER_ROOT_FIELDS;
  const issues: EntityValidationIssue[] = Object.keys(entity)
    .filter(key => !allowed.includes(key))
    .map(key => ({
      path: joinPath(key),
      message: `is not a known root field (allowed: ${allowed.join(', ')})`,
    }));
  issues.push(...schemaIssues(entityEnvelopeSchema, entity));
  issues.push(...fieldFormatIssues(entity));
  issues.push(...kindSpecIssues(entity));

  if (issues.length === 0) return { valid: true };
  return { valid: false, errors: dedupe(issues).slice(0, MAX_ISSUES) };
}

/**
 * Thrown by `assertValidEntity`. Named `InputError` so that error handlers map it to HTTP 400
 * without this browser-safe package depending on the backend error types.
 */
export class InvalidEntityError extends Error {
  readonly errors: EntityValidationIssue[];

  constructor(errors: EntityValidationIssue[]) {
    const summary = errors
      .slice(0, 5)
      .map(issue => (issue.path ? `${issue.path} ${issue.message}` : issue.message))
      .join('; ');
    super(
      `Invalid entity: ${summary}${errors.length > 5 ? `; and ${errors.length - 5} more` : ''}`,
    );
    this.name = 'InputError';
    this.errors = errors;
  }
}

/** Throws `InvalidEntityError` (name `InputError`) unless the entity is valid. */
export function assertValidEntity(
  entity: unknown,
  options?: ValidateEntityOptions,
): asserts entity is Entity {
  const result = validateEntity(entity, options);
  if (!result.valid) throw new InvalidEntityError(result.errors);
}

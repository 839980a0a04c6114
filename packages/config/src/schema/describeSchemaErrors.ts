import type { ErrorObject } from 'ajv';
import type { JsonValue } from '../types';
import { isJsonObject } from '../util/json';
import { resolveLocalRef } from './declaredVisibilities';

/** A schema error reduced to where it is (a JSON pointer) and what was expected. */
export interface SchemaErrorSummary {
  instancePath: string;
  /** A key below `instancePath` that the error is about (a missing required key). */
  childKey?: string;
  message: string;
}

// Unknown keys are allowed: users keep keys for plugins that are not installed.
const IGNORED_KEYWORDS = new Set(['additionalProperties', 'unevaluatedProperties', 'if']);
const UNION_KEYWORDS = new Set(['anyOf', 'oneOf']);
const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'examples']);

function describeError(error: ErrorObject): SchemaErrorSummary {
  const { instancePath, keyword, params } = error;
  switch (keyword) {
    case 'required':
      return { instancePath, childKey: String(params.missingProperty), message: 'is required' };
    case 'type': {
      const types = Array.isArray(params.type) ? params.type : String(params.type).split(',');
      return { instancePath, message: `must be ${types.join(' or ')}` };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[])
        .map(value => JSON.stringify(value))
        .join(', ');
      return { instancePath, message: `must be one of ${allowed}` };
    }
    default:
      // Ajv's messages describe the schema, never the data.
      return { instancePath, message: error.message ?? `does not match the schema (${keyword})` };
  }
}

/**
 * Every schema object reachable from `schema`, following local `$ref`s. Ajv reports errors
 * inside a `$ref` with a path relative to the referenced schema, so errors are matched to union
 * branches by the identity of their `parentSchema` instead.
 */
function reachableSchemas(schema: JsonValue, root: JsonValue): Set<object> {
  const seen = new Set<object>();
  const visit = (node: JsonValue | undefined) => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (!isJsonObject(node) || seen.has(node)) return;
    seen.add(node);
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') visit(resolveLocalRef(root, value));
      else if (!DATA_KEYWORDS.has(key)) visit(value);
    }
  };
  visit(schema);
  return seen;
}

function isAtOrBelow(error: ErrorObject, union: ErrorObject): boolean {
  return (
    error.instancePath === union.instancePath ||
    error.instancePath.startsWith(`${union.instancePath}/`)
  );
}

/** The errors that come from each branch of a union error. */
function branchErrorsOf(
  union: ErrorObject,
  errors: readonly ErrorObject[],
  root: JsonValue,
): ErrorObject[][] {
  const branches = Array.isArray(union.schema) ? (union.schema as JsonValue[]) : [];
  const reachable = branches.map(branch => reachableSchemas(branch, root));
  const grouped: ErrorObject[][] = branches.map(() => []);
  for (const error of errors) {
    if (error === union || !isAtOrBelow(error, union)) continue;
    const index = reachable.findIndex(set => set.has(error.parentSchema as object));
    if (index !== -1) grouped[index].push(error);
  }
  return grouped;
}

/**
 * Turns a union (`anyOf`/`oneOf`) failure into what a person needs: the inner problems of the
 * branch whose shape fits the value, or else what the value may be.
 */
function describeUnion(
  union: ErrorObject,
  branches: ErrorObject[][],
  root: JsonValue,
): SchemaErrorSummary[] {
  if (branches.every(errors => errors.length === 0)) {
    return [
      {
        instancePath: union.instancePath,
        message: 'must match exactly one of the allowed shapes, but matches several',
      },
    ];
  }
  const fitting = branches.filter(
    errors =>
      errors.length > 0 &&
      errors.every(
        error => error.instancePath !== union.instancePath || error.keyword === 'required',
      ),
  );
  if (fitting.length > 0) {
    const closest = fitting.reduce((best, errors) => (errors.length < best.length ? errors : best));
    return summarizeSchemaErrors(closest, root);
  }
  const alternatives = new Set<string>();
  for (const errors of branches) {
    const shallow = errors.find(
      error => error.instancePath === union.instancePath && !UNION_KEYWORDS.has(error.keyword),
    );
    if (shallow) alternatives.add(describeError(shallow).message);
  }
  return [{ instancePath: union.instancePath, message: joinAlternatives([...alternatives]) }];
}

/** `must be string` + `must be object` → `must be string or object`. */
function joinAlternatives(messages: string[]): string {
  if (messages.length === 0) return 'does not match any of the allowed shapes';
  if (messages.every(message => message.startsWith('must be '))) {
    return `must be ${messages.map(message => message.slice('must be '.length)).join(' or ')}`;
  }
  return `must ${messages.map(message => message.replace(/^must /, '')).join(' or ')}`;
}

/**
 * Summarizes Ajv errors (from a validator compiled with `verbose`, for `parentSchema`): one
 * entry per problem, unions collapsed, unknown keys ignored. `root` is the validated schema.
 */
export function summarizeSchemaErrors(
  errors: readonly ErrorObject[],
  root: JsonValue,
): SchemaErrorSummary[] {
  const relevant = errors.filter(error => !IGNORED_KEYWORDS.has(error.keyword));
  const unions = relevant.filter(error => UNION_KEYWORDS.has(error.keyword));
  const branchesByUnion = new Map(
    unions.map(union => [union, branchErrorsOf(union, relevant, root)]),
  );
  const nested = new Set<ErrorObject>();
  for (const branches of branchesByUnion.values())
    for (const errors of branches) errors.forEach(error => nested.add(error));

  const summaries: SchemaErrorSummary[] = [];
  for (const error of relevant) {
    if (nested.has(error)) continue;
    const branches = branchesByUnion.get(error);
    summaries.push(...(branches ? describeUnion(error, branches, root) : [describeError(error)]));
  }
  return summaries;
}

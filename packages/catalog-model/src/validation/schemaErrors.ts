import AjvModule from 'ajv';
import type { ErrorObject, SchemaObject, ValidateFunction } from 'ajv';
import type { EntityValidationIssue } from './types';
import { joinPath, pointerSegments } from './paths';

// ajv ships CommonJS with a `default` property; bundlers and Node disagree on which one an
// ESM default import yields, so accept both.
const Ajv = ((AjvModule as unknown as { default?: typeof AjvModule }).default ??
  AjvModule) as typeof AjvModule;

let ajv: InstanceType<typeof Ajv> | undefined;
const compiled = new Map<SchemaObject, ValidateFunction>();

// Compiled on first use, not at import, so a browser bundle that never validates never runs
// ajv's code generation.
function compile(schema: SchemaObject): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    ajv ??= new Ajv({ allErrors: true, allowUnionTypes: true });
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

function toIssue(error: ErrorObject, prefix: string): EntityValidationIssue {
  const segments = pointerSegments(error.instancePath);
  if (error.keyword === 'required') {
    const missing = (error.params as { missingProperty: string }).missingProperty;
    return { path: joinPath(prefix, ...segments, missing), message: 'is required' };
  }
  if (error.keyword === 'additionalProperties') {
    const extra = (error.params as { additionalProperty: string }).additionalProperty;
    return { path: joinPath(prefix, ...segments, extra), message: 'is not an allowed field here' };
  }
  return { path: joinPath(prefix, ...segments), message: error.message ?? 'is not valid' };
}

/** Validates `value` against `schema`; issue paths are prefixed with `prefix` (e.g. `spec`). */
export function schemaIssues(
  schema: SchemaObject,
  value: unknown,
  prefix = '',
): EntityValidationIssue[] {
  const validate = compile(schema);
  if (validate(value)) return [];
  return (validate.errors ?? []).map(error => toIssue(error, prefix));
}

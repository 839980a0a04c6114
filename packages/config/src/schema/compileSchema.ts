import type { ValidateFunction } from 'ajv';
import type { ConfigVisibility } from '../types';
import { createAjv } from './createAjv';
import type { ConfigSchema } from './types';

interface CompiledSchema {
  validate: ValidateFunction;
  /** Runs the schema over data and returns the visibility of every annotated value, by JSON pointer. */
  visibilities(data: unknown): Map<string, ConfigVisibility>;
}

const RANK: Record<ConfigVisibility, number> = { frontend: 0, backend: 1, secret: 2 };
const cache = new WeakMap<ConfigSchema, CompiledSchema>();

/** Compiles a config schema once per schema object. */
export function compileSchema(schema: ConfigSchema): CompiledSchema {
  const cached = cache.get(schema);
  if (cached) return cached;

  let sink: Map<string, ConfigVisibility> | undefined;
  const validate = createAjv((path, visibility) => {
    // A value can be reached through several subschemas (allOf, anyOf branches): the most
    // restrictive declaration wins, so a secret is never downgraded.
    const current = sink?.get(path);
    if (current === undefined || RANK[visibility] > RANK[current]) sink?.set(path, visibility);
  }).compile(schema);

  const compiled: CompiledSchema = {
    validate,
    visibilities(data) {
      sink = new Map();
      try {
        validate(data);
        return sink;
      } finally {
        sink = undefined;
      }
    },
  };
  cache.set(schema, compiled);
  return compiled;
}

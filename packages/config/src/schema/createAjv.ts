import { Ajv } from 'ajv';
import type { ConfigVisibility } from '../types';
import { CONFIG_VISIBILITIES } from './types';

function jsonTypeMatches(type: string, data: unknown): boolean {
  switch (type) {
    case 'integer':
      return Number.isInteger(data);
    case 'array':
      return Array.isArray(data);
    case 'object':
      return typeof data === 'object' && data !== null && !Array.isArray(data);
    case 'null':
      return data === null;
    default:
      return typeof data === type;
  }
}

/**
 * Whether the subschema carrying a `visibility` can apply to the data, judged by its `type`. Ajv
 * runs the keyword in every `anyOf` branch, even one whose type does not match; without this
 * check the string branch of `string | {password}` would mark a whole object secret.
 */
function typeAllows(parentSchema: unknown, data: unknown): boolean {
  const type = (parentSchema as { type?: unknown } | undefined)?.type;
  if (typeof type === 'string') return jsonTypeMatches(type, data);
  if (Array.isArray(type)) {
    return type.some(entry => typeof entry === 'string' && jsonTypeMatches(entry, data));
  }
  return true;
}

/** Called for each config value that the schema gives a `visibility`, with its JSON pointer. */
export type VisibilitySink = (instancePath: string, visibility: ConfigVisibility) => void;

/**
 * An Ajv instance for config schemas: draft-07, every error reported, `visibility` registered as
 * a keyword (so a misspelt visibility is a schema error), and unknown keywords or formats in
 * third-party schemas tolerated rather than fatal.
 */
export function createAjv(onVisibility?: VisibilitySink): Ajv {
  // `verbose` adds `parentSchema` to errors, used to group union errors; it also adds `data`,
  // which must never be printed.
  // `unevaluated` makes Ajv evaluate every `anyOf` branch instead of stopping at the first that
  // passes, so a `visibility` in a later branch is not missed.
  const ajv = new Ajv({
    strict: false,
    allErrors: true,
    verbose: true,
    unevaluated: true,
    validateFormats: false,
    logger: false,
  });
  ajv.addKeyword({
    keyword: 'visibility',
    schemaType: 'string',
    metaSchema: { enum: [...CONFIG_VISIBILITIES] },
    errors: false,
    validate: (
      visibility: ConfigVisibility,
      data: unknown,
      parentSchema: unknown,
      dataContext?: { instancePath: string },
    ) => {
      if (onVisibility && typeAllows(parentSchema, data)) {
        onVisibility(dataContext?.instancePath ?? '', visibility);
      }
      return true;
    },
  });
  return ajv;
}

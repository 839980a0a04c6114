import { ANNOTATION_LOCATION, ANNOTATION_SOURCE_LOCATION } from '../annotations/annotations';
import type { Entity } from '../entity/Entity';
import { stringifyEntityRef } from '../entity/ref';

/** A location: a `type` (`url`, `file`, ...) and a target the type understands. */
export interface LocationRef {
  type: string;
  target: string;
}

// Browsers ignore control characters, spaces and tab/newline inside a scheme, so match them too.
const javascriptScheme =
  // eslint-disable-next-line no-control-regex
  /^[\u0000-\u001f ]*j[\t\n\r]*a[\t\n\r]*v[\t\n\r]*a[\t\n\r]*s[\t\n\r]*c[\t\n\r]*r[\t\n\r]*i[\t\n\r]*p[\t\n\r]*t[\t\n\r]*:/i;

const expectedForm = `expected '<type>:<target>', e.g. 'url:https://host/path'`;

/** Splits `type:target` on the first colon (targets often hold colons) and trims both parts. */
export function parseLocationRef(ref: string): LocationRef {
  if (typeof ref !== 'string') {
    throw new TypeError(`Unable to parse location ref, unexpected argument ${typeof ref}`);
  }
  const colon = ref.indexOf(':');
  const type = colon < 0 ? '' : ref.slice(0, colon).trim();
  const target = colon < 0 ? '' : ref.slice(colon + 1).trim();
  if (!type || !target) {
    throw new TypeError(`Unable to parse location ref '${ref}', ${expectedForm}`);
  }
  if (type === 'http' || type === 'https') {
    throw new TypeError(
      `Invalid location ref '${ref}', please prefix it with 'url:', e.g. 'url:${ref}'`,
    );
  }
  if (javascriptScheme.test(target)) {
    throw new TypeError(`Invalid location ref '${ref}', target is a javascript: URL`);
  }
  return { type, target };
}

/** `type:target`; refuses empty parts and `javascript:` targets. */
export function stringifyLocationRef(ref: LocationRef): string {
  if (!ref.type) throw new TypeError('Unable to stringify location ref, empty type');
  if (!ref.target) throw new TypeError('Unable to stringify location ref, empty target');
  if (javascriptScheme.test(ref.target)) {
    throw new TypeError(
      `Invalid location ref '${ref.type}:${ref.target}', target is a javascript: URL`,
    );
  }
  return `${ref.type}:${ref.target}`;
}

/** Where the entity's source lives: the source-location annotation, else managed-by-location. */
export function getEntitySourceLocation(entity: Entity): LocationRef {
  const annotations = entity.metadata?.annotations;
  const ref = annotations?.[ANNOTATION_SOURCE_LOCATION] ?? annotations?.[ANNOTATION_LOCATION];
  if (!ref) throw new Error(`Entity '${stringifyEntityRef(entity)}' is missing location`);
  return parseLocationRef(ref);
}

// Keys come from user data and may be huge; a path should point at a field, not repeat its content.
const MAX_SEGMENT_LENGTH = 64;

export function pathSegment(key: string | number): string {
  const text = String(key);
  return text.length > MAX_SEGMENT_LENGTH ? `${text.slice(0, MAX_SEGMENT_LENGTH)}…` : text;
}

export function joinPath(...segments: Array<string | number>): string {
  return segments
    .filter(segment => segment !== '')
    .map(pathSegment)
    .join('.');
}

/** Turns an ajv JSON Pointer (`/metadata/links/0/url`) into dotted segments. */
export function pointerSegments(pointer: string): string[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map(segment => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

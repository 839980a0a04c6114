// Backstage's field format rules (Kubernetes-style names), as predicates over unknown input.

const objectNamePattern = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const dnsLabelPattern = /^[a-z0-9]+(?:-+[a-z0-9]+)*$/;
const kindPattern = /^[a-zA-Z][a-z0-9A-Z]*$/;
const apiVersionSuffixPattern = /^[a-z0-9A-Z]+$/;
const tagPattern = /^[a-z0-9:+#]+(-[a-z0-9:+#]+)*$/;

function hasLength(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length >= 1 && value.length <= max;
}

/** RFC 1123 label: lowercase alphanumerics separated by dashes, 1–63 characters. */
export function isValidDnsLabel(value: unknown): boolean {
  return hasLength(value, 63) && dnsLabelPattern.test(value);
}

/** RFC 1123 subdomain: dot-separated DNS labels, at most 253 characters. */
export function isValidDnsSubdomain(value: unknown): boolean {
  return hasLength(value, 253) && value.split('.').every(isValidDnsLabel);
}

// `[prefix/]name` with at most one slash; the prefix is a DNS subdomain.
function isPrefixedName(value: unknown, isValidName: (name: string) => boolean): boolean {
  if (typeof value !== 'string') return false;
  const parts = value.split('/');
  if (parts.length === 1) return isValidName(parts[0]);
  return parts.length === 2 && isValidDnsSubdomain(parts[0]) && isValidName(parts[1]);
}

/** Entity names and label/annotation key names: `[a-zA-Z0-9]` runs joined by `-_.`, 1–63 characters. */
export function isValidEntityName(value: unknown): boolean {
  return hasLength(value, 63) && objectNamePattern.test(value);
}

export function isValidNamespace(value: unknown): boolean {
  return isValidDnsLabel(value);
}

export function isValidKind(value: unknown): boolean {
  return hasLength(value, 63) && kindPattern.test(value);
}

export function isValidApiVersion(value: unknown): boolean {
  return isPrefixedName(value, name => hasLength(name, 63) && apiVersionSuffixPattern.test(name));
}

export function isValidLabelKey(value: unknown): boolean {
  return isPrefixedName(value, isValidEntityName);
}

export function isValidLabelValue(value: unknown): boolean {
  return value === '' || isValidEntityName(value);
}

export function isValidAnnotationKey(value: unknown): boolean {
  return isPrefixedName(value, isValidEntityName);
}

export function isValidAnnotationValue(value: unknown): boolean {
  return typeof value === 'string';
}

/** Lowercase words of `[a-z0-9:+#]` joined by single dashes, 1–63 characters. */
export function isValidTag(value: unknown): boolean {
  return hasLength(value, 63) && tagPattern.test(value);
}

/** Anything the WHATWG URL parser accepts as an absolute URL. */
export function isValidUrl(value: unknown): boolean {
  return typeof value === 'string' && URL.canParse(value);
}

/** A string with something other than whitespace in it. */
export function isNonEmptyString(value: unknown): boolean {
  return typeof value === 'string' && value.trim().length > 0;
}

const MAX_DEPTH = 10;

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Only name, message, stack, a primitive `code` and the cause are kept: other enumerable fields
 * of library errors can carry request headers or connection settings.
 */
function serializeError(error: Error, seen: WeakSet<object>, depth: number) {
  const out: Record<string, unknown> = {
    name: error.name,
    message: error.message,
    stack: error.stack,
  };
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') out.code = code;
  if (error.cause !== undefined) out.cause = serializeValue(error.cause, seen, depth + 1);
  return out;
}

function serializeValue(value: unknown, seen: WeakSet<object>, depth: number): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (depth > MAX_DEPTH) return '[Too deep]';
  if (seen.has(value)) return '[Circular]';
  if (value instanceof Error) {
    seen.add(value);
    const result = serializeError(value, seen, depth);
    seen.delete(value);
    return result;
  }
  if (!Array.isArray(value) && !isPlainObject(value)) return value;
  seen.add(value);
  const result = Array.isArray(value)
    ? value.map(item => serializeValue(item, seen, depth + 1))
    : Object.fromEntries(
        Object.entries(value).map(([key, item]) => [key, serializeValue(item, seen, depth + 1)]),
      );
  seen.delete(value);
  return result;
}

/** Log fields as JSON-ready data: errors anywhere become `{ name, message, stack }`. */
export function serializeMeta(meta: Record<string, unknown> | Error): Record<string, unknown> {
  if (meta instanceof Error) return { error: serializeValue(meta, new WeakSet(), 0) };
  return serializeValue(meta, new WeakSet(), 0) as Record<string, unknown>;
}

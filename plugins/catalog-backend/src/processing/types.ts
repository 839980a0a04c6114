/** A processing error as it appears in `status.items[].error` and in error events. */
export interface ProcessingError {
  name: string;
  message: string;
}

export function toProcessingError(error: unknown, name = 'InputError'): ProcessingError {
  const e = error instanceof Error ? error : new Error(String(error));
  return {
    name: e.name && e.name !== 'Error' && e.name !== 'TypeError' ? e.name : name,
    message: e.message,
  };
}

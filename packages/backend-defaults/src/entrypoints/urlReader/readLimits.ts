/** Largest body or file one read returns; bigger ones are refused before filling memory. */
export const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;
/** One HTTP read, redirects and body included. */
export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_REDIRECTS = 5;

export interface ReadLimits {
  maxBytes: number;
  timeoutMs: number;
  maxRedirects: number;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}

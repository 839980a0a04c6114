import { Readable } from 'node:stream';
import type { UrlReaderServiceReadUrlResponse } from '@greenroom/backend-plugin-api';

/** A read response over content already in memory. */
export function bufferResponse(
  body: Buffer,
  meta: { etag?: string; lastModifiedAt?: Date },
): UrlReaderServiceReadUrlResponse {
  return {
    buffer: async () => body,
    stream: () => Readable.from([body]),
    ...(meta.etag !== undefined && { etag: meta.etag }),
    ...(meta.lastModifiedAt !== undefined && { lastModifiedAt: meta.lastModifiedAt }),
  };
}

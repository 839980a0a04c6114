import type { Readable } from 'node:stream';

export interface UrlReaderServiceReadUrlOptions {
  /** Skip the read when the content still has this etag (throws NotModifiedError). */
  etag?: string;
  /** Skip the read when not modified since (throws NotModifiedError). */
  lastModifiedAfter?: Date;
  signal?: AbortSignal;
}

export interface UrlReaderServiceReadUrlResponse {
  buffer(): Promise<Buffer>;
  stream(): Readable;
  etag?: string;
  lastModifiedAt?: Date;
}

export interface UrlReaderServiceSearchOptions {
  etag?: string;
  signal?: AbortSignal;
}

export interface UrlReaderServiceSearchResponseFile {
  /** For local files the absolute path (not a file:// URL); for http(s) the URL searched. */
  url: string;
  content(): Promise<Buffer>;
  lastModifiedAt?: Date;
}

export interface UrlReaderServiceSearchResponse {
  files: UrlReaderServiceSearchResponseFile[];
  etag: string;
}

/** Reads files and URLs the config allows (`backend.reading.allow`), with clear errors. */
export interface UrlReaderService {
  readUrl(
    url: string,
    options?: UrlReaderServiceReadUrlOptions,
  ): Promise<UrlReaderServiceReadUrlResponse>;
  /** Finds files matching a glob URL (`file:///x/**\/catalog-info.yaml` or a path with a glob). */
  search(
    url: string,
    options?: UrlReaderServiceSearchOptions,
  ): Promise<UrlReaderServiceSearchResponse>;
}

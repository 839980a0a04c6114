import type { UrlReaderService } from '@greenroom/backend-plugin-api';
import { isGlob, resolveTarget, sourceLocation, type SourceLocation } from './locationKeys';
import { iterateEntityDocuments } from './parseEntityDocuments';
import { toProcessingError, type ProcessingError } from './types';

/** The etags of what a Location read last time, kept in its processor cache. */
export interface LocationReadCache {
  [sourceKey: string]: { etag: string; files?: string[] };
}

/** What reading one Location entity's targets gave, in target and document order. */
export type LocationReadItem<T> =
  | { type: 'document'; value: T; file: SourceLocation }
  | { type: 'error'; error: ProcessingError }
  /** The file is unchanged or unreadable: the children read from it last time stay. */
  | { type: 'keep'; fileKey: string; error?: ProcessingError };

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decode(buffer: Buffer): string {
  try {
    return utf8.decode(buffer);
  } catch {
    throw new TypeError('The file is not valid UTF-8');
  }
}

function isNotModified(error: unknown) {
  return (error as Error)?.name === 'NotModifiedError';
}

/**
 * Reads a Location's targets conditionally: each file or glob is read with the etag of the
 * last good read, and an unchanged one is not read nor parsed again (its children stay).
 */
export async function readLocationTargets<T>(options: {
  reader: UrlReaderService;
  parent: SourceLocation;
  type?: string;
  targets: string[];
  previous: LocationReadCache;
  /**
   * Turns each parsed document into what the caller keeps (a serialised child), right away,
   * so a file's parsed documents are never all in memory at once.
   */
  convert: (value: unknown, file: SourceLocation) => T;
}): Promise<{ items: LocationReadItem<T>[]; cache: LocationReadCache }> {
  const { reader, parent, previous, convert } = options;
  const items: LocationReadItem<T>[] = [];
  const readFile = (
    file: SourceLocation,
    content: () => Promise<Buffer>,
    into: LocationReadItem<T>[],
  ) => readOneFile(file, content, into, convert);
  const cache: LocationReadCache = {};
  for (const target of options.targets) {
    let source: SourceLocation;
    try {
      source = resolveTarget(parent, target, options.type);
    } catch (error) {
      items.push({ type: 'error', error: toProcessingError(error) });
      continue;
    }
    const last = previous[source.key];
    if (isGlob(source.target)) {
      try {
        const found = await reader.search(source.target, { etag: last?.etag });
        const files: string[] = [];
        let clean = true;
        for (const file of [...found.files].sort((a, b) => a.url.localeCompare(b.url))) {
          const location = sourceLocation(source.type, file.url);
          files.push(location.key);
          if (!(await readFile(location, () => file.content(), items))) clean = false;
        }
        if (clean && found.etag) cache[source.key] = { etag: found.etag, files };
      } catch (error) {
        if (isNotModified(error) && last) {
          cache[source.key] = last;
          for (const fileKey of last.files ?? []) items.push({ type: 'keep', fileKey });
        } else {
          items.push({ type: 'error', error: toProcessingError(error) });
        }
      }
      continue;
    }
    try {
      const response = await reader.readUrl(source.target, { etag: last?.etag });
      const ok = await readFile(source, () => response.buffer(), items);
      if (ok && response.etag) cache[source.key] = { etag: response.etag };
    } catch (error) {
      if (isNotModified(error) && last) {
        cache[source.key] = last;
        items.push({ type: 'keep', fileKey: source.key });
      } else {
        const failure = toProcessingError(error);
        items.push({ type: 'error', error: failure });
        items.push({
          type: 'keep',
          fileKey: source.key,
          error: toProcessingError(error, 'NotFoundError'),
        });
      }
    }
  }
  return { items, cache };
}

/** Appends one file's documents, or its errors; false when the file was not clean. */
async function readOneFile<T>(
  file: SourceLocation,
  content: () => Promise<Buffer>,
  items: LocationReadItem<T>[],
  convert: (value: unknown, file: SourceLocation) => T,
): Promise<boolean> {
  let text: string;
  try {
    text = decode(await content());
  } catch (error) {
    items.push({ type: 'error', error: toProcessingError(error) });
    items.push({
      type: 'keep',
      fileKey: file.key,
      error: toProcessingError(error, 'NotFoundError'),
    });
    return false;
  }
  const converted: LocationReadItem<T>[] = [];
  const broken: string[] = [];
  for (const doc of iterateEntityDocuments(text)) {
    if ('error' in doc) broken.push(doc.error);
    else if (broken.length === 0)
      converted.push({ type: 'document', value: convert(doc.value, file), file });
  }
  if (broken.length > 0) {
    for (const error of broken) {
      items.push({
        type: 'error',
        error: { name: 'SyntaxError', message: `${file.key}: ${error}` },
      });
    }
    // A broken file keeps what it produced last time, with the error on each of them.
    items.push({
      type: 'keep',
      fileKey: file.key,
      error: { name: 'InputError', message: `${file.key} has YAML errors` },
    });
    return false;
  }
  for (const item of converted) items.push(item);
  return true;
}

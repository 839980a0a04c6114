import type { UrlReaderService } from '@greenroom/backend-plugin-api';
import { isGlob, resolveTarget, sourceLocation, type SourceLocation } from './locationKeys';
import { iterateStreamDocuments } from './parseEntityDocuments';
import { toProcessingError, type ProcessingError } from './types';

/** The etags of what a Location read last time, kept in its processor cache. */
export interface LocationReadCache {
  [sourceKey: string]: { etag: string; files?: string[] };
}

/**
 * Receives what reading a Location's targets gives, in target and document order, as it is
 * read: a file's documents arrive while the file is parsed, so the caller can write them out
 * in chunks instead of holding a large file's children.
 */
export interface LocationReadSink {
  document(value: unknown, file: SourceLocation): void | Promise<void>;
  /** After a file's documents: `clean` false means drop what this file gave (it is broken). */
  fileEnd(file: SourceLocation, clean: boolean): void | Promise<void>;
  error(error: ProcessingError): void;
  /** The file is unchanged or unreadable: the children read from it last time stay. */
  keep(fileKey: string, error?: ProcessingError): void;
}

function isNotModified(error: unknown) {
  return (error as Error)?.name === 'NotModifiedError';
}

/**
 * Reads a Location's targets conditionally: each file or glob is read with the etag of the
 * last good read, and an unchanged one is not read nor parsed again (its children stay).
 * Returns the new etag cache.
 */
export async function readLocationTargets(options: {
  reader: UrlReaderService;
  parent: SourceLocation;
  type?: string;
  targets: string[];
  previous: LocationReadCache;
  sink: LocationReadSink;
}): Promise<LocationReadCache> {
  const { reader, parent, previous, sink } = options;
  const cache: LocationReadCache = {};
  for (const target of options.targets) {
    let source: SourceLocation;
    try {
      source = resolveTarget(parent, target, options.type);
    } catch (error) {
      sink.error(toProcessingError(error));
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
          const content = async function* () {
            yield await file.content();
          };
          if (!(await readOneFile(location, content, sink))) clean = false;
        }
        if (clean && found.etag) cache[source.key] = { etag: found.etag, files };
      } catch (error) {
        if (isNotModified(error) && last) {
          cache[source.key] = last;
          for (const fileKey of last.files ?? []) sink.keep(fileKey);
        } else {
          sink.error(toProcessingError(error));
        }
      }
      continue;
    }
    let content: () => AsyncIterable<Buffer | string>;
    let etag: string | undefined;
    try {
      const response = await reader.readUrl(source.target, { etag: last?.etag });
      // Streamed: a large file is parsed as it arrives, never held whole.
      content = () => response.stream();
      etag = response.etag;
    } catch (error) {
      if (isNotModified(error) && last) {
        cache[source.key] = last;
        sink.keep(source.key);
      } else {
        sink.error(toProcessingError(error));
        sink.keep(source.key, toProcessingError(error, 'NotFoundError'));
      }
      continue;
    }
    const ok = await readOneFile(source, content, sink);
    if (ok && etag) cache[source.key] = { etag };
  }
  return cache;
}

/** Passes one file's documents on as they are parsed; false when the file was not clean. */
async function readOneFile(
  file: SourceLocation,
  content: () => AsyncIterable<Buffer | string>,
  sink: LocationReadSink,
): Promise<boolean> {
  const broken: string[] = [];
  // Set while the sink works, so its failures (a database error) are not taken for the file's.
  let inSink = false;
  try {
    for await (const doc of iterateStreamDocuments(content())) {
      if ('error' in doc) broken.push(doc.error);
      // Documents after a broken one are not passed on: the file's children stay as they were.
      else if (broken.length === 0) {
        inSink = true;
        await sink.document(doc.value, file);
        inSink = false;
      }
    }
  } catch (error) {
    if (inSink) throw error;
    // Unreadable (gone, refused, not UTF-8) part-way: what it gave so far is taken back.
    await sink.fileEnd(file, false);
    sink.error(toProcessingError(error));
    sink.keep(file.key, toProcessingError(error, 'NotFoundError'));
    return false;
  }
  if (broken.length > 0) {
    await sink.fileEnd(file, false);
    for (const error of broken) {
      sink.error({ name: 'SyntaxError', message: `${file.key}: ${error}` });
    }
    // A broken file keeps what it produced last time, with the error on each of them.
    sink.keep(file.key, { name: 'InputError', message: `${file.key} has YAML errors` });
    return false;
  }
  await sink.fileEnd(file, true);
  return true;
}

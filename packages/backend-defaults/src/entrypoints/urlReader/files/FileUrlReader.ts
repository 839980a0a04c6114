import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type {
  UrlReaderServiceReadUrlOptions,
  UrlReaderServiceReadUrlResponse,
  UrlReaderServiceSearchOptions,
  UrlReaderServiceSearchResponse,
  UrlReaderServiceSearchResponseFile,
} from '@greenroom/backend-plugin-api';
import { NotModifiedError } from '@greenroom/errors';
import { glob } from 'tinyglobby';
import { formatBytes } from '../readLimits';
import { fileError, statFile, statFileIfPresent, type FileInfo } from './statFile';
import { splitGlob } from './splitGlob';

/**
 * Reads local files by absolute path. Which paths a caller may read is the caller's policy
 * (the catalog's `fileRoots`, for one); this reader only guarantees clear errors and bounds.
 * Search results name each file by its absolute path.
 */
export class FileUrlReader {
  constructor(private readonly options: { maxBytes: number }) {}

  async readUrl(
    path: string,
    options: UrlReaderServiceReadUrlOptions = {},
  ): Promise<UrlReaderServiceReadUrlResponse> {
    options.signal?.throwIfAborted();
    const info = await statFile(path);
    if (options.etag !== undefined && options.etag === info.etag) {
      throw new NotModifiedError(`'${path}' has not changed since etag '${options.etag}'`);
    }
    if (options.lastModifiedAfter && info.lastModifiedAt <= options.lastModifiedAfter) {
      throw new NotModifiedError(
        `'${path}' has not been modified since ${options.lastModifiedAfter.toISOString()}`,
      );
    }
    this.checkSize(info);
    const signal = options.signal;
    return {
      buffer: () => this.read(info, signal),
      stream: () => createReadStream(path, { signal }),
      etag: info.etag,
      lastModifiedAt: info.lastModifiedAt,
    };
  }

  /** A glob finds every matching file; a plain path finds that file, or nothing. */
  async search(
    path: string,
    options: UrlReaderServiceSearchOptions = {},
  ): Promise<UrlReaderServiceSearchResponse> {
    options.signal?.throwIfAborted();
    const { base, pattern } = splitGlob(path);
    let infos: FileInfo[];
    if (pattern === undefined) {
      const info = await statFileIfPresent(path);
      infos = info ? [info] : [];
    } else {
      // Symlinks are not followed: a link back up the tree would make the crawl endless.
      const paths = await glob(pattern, {
        cwd: base,
        absolute: true,
        onlyFiles: true,
        followSymbolicLinks: false,
        signal: options.signal,
      });
      const found = await Promise.all(paths.sort().map(statFileIfPresent));
      infos = found.filter((info): info is FileInfo => info !== undefined);
    }
    const etag = combinedEtag(infos);
    if (options.etag !== undefined && options.etag === etag) {
      throw new NotModifiedError(
        `No file matching '${path}' has changed since etag '${options.etag}'`,
      );
    }
    return { files: infos.map(info => this.searchResult(info, options.signal)), etag };
  }

  private searchResult(info: FileInfo, signal?: AbortSignal): UrlReaderServiceSearchResponseFile {
    return {
      url: info.path,
      content: async () => {
        this.checkSize(info);
        return this.read(info, signal);
      },
      lastModifiedAt: info.lastModifiedAt,
    };
  }

  private async read(info: FileInfo, signal?: AbortSignal): Promise<Buffer> {
    try {
      return await readFile(info.path, { signal });
    } catch (error) {
      throw signal?.aborted ? error : fileError(error, info.path);
    }
  }

  private checkSize(info: FileInfo): void {
    if (info.size > this.options.maxBytes) {
      throw new Error(
        `'${info.path}' is ${formatBytes(info.size)}, more than the ${formatBytes(this.options.maxBytes)} read limit`,
      );
    }
  }
}

/** One etag for a set of files: changes when any file is added, removed or modified. */
function combinedEtag(infos: FileInfo[]): string {
  const hash = createHash('sha256');
  for (const info of infos) hash.update(`${info.path}\0${info.etag}\n`);
  return hash.digest('hex');
}

import type {
  LoggerService,
  UrlReaderService,
  UrlReaderServiceReadUrlOptions,
  UrlReaderServiceReadUrlResponse,
  UrlReaderServiceSearchOptions,
  UrlReaderServiceSearchResponse,
} from '@greenroom/backend-plugin-api';
import type { Config } from '@greenroom/config';
import { FileUrlReader } from './files/FileUrlReader';
import { HttpUrlReader } from './http/HttpUrlReader';
import { ReadingAllowList } from './http/ReadingAllowList';
import { parseReadTarget } from './parseReadTarget';
import {
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_REDIRECTS,
  DEFAULT_TIMEOUT_MS,
  type ReadLimits,
} from './readLimits';

export interface UrlReadersOptions extends Partial<ReadLimits> {
  logger: LoggerService;
}

/**
 * The default UrlReaderService: absolute paths and `file://` URLs go to the file reader,
 * http(s) URLs to the allow-listed HTTP reader. File search results are absolute paths.
 */
export class DefaultUrlReader implements UrlReaderService {
  constructor(
    private readonly files: FileUrlReader,
    private readonly http: HttpUrlReader,
  ) {}

  async readUrl(
    url: string,
    options?: UrlReaderServiceReadUrlOptions,
  ): Promise<UrlReaderServiceReadUrlResponse> {
    const target = parseReadTarget(url);
    return target.kind === 'file'
      ? this.files.readUrl(target.path, options)
      : this.http.readUrl(target.url, options);
  }

  async search(
    url: string,
    options?: UrlReaderServiceSearchOptions,
  ): Promise<UrlReaderServiceSearchResponse> {
    const target = parseReadTarget(url);
    return target.kind === 'file'
      ? this.files.search(target.path, options)
      : this.http.search(target.url, options);
  }
}

export const UrlReaders = {
  /**
   * Builds the reader from `backend.reading.allow` and `maxBytes`. Limits default to 32 MiB, 30 s and
   * 5 redirects per read; throws at startup naming a malformed allow entry.
   */
  fromConfig(config: Config, options: UrlReadersOptions): UrlReaderService {
    const configuredMaxBytes = config.getOptionalNumber('backend.reading.maxBytes');
    if (
      configuredMaxBytes !== undefined &&
      (!Number.isInteger(configuredMaxBytes) || configuredMaxBytes <= 0)
    ) {
      throw new Error('backend.reading.maxBytes must be a positive whole number of bytes');
    }
    const limits: ReadLimits = {
      maxBytes: options.maxBytes ?? configuredMaxBytes ?? DEFAULT_MAX_BYTES,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxRedirects: options.maxRedirects ?? DEFAULT_MAX_REDIRECTS,
    };
    return new DefaultUrlReader(
      new FileUrlReader({ maxBytes: limits.maxBytes }),
      new HttpUrlReader(ReadingAllowList.fromConfig(config), limits, options.logger),
    );
  },
};

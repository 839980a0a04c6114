import { createHash } from 'node:crypto';
import type {
  LoggerService,
  UrlReaderServiceReadUrlOptions,
  UrlReaderServiceReadUrlResponse,
  UrlReaderServiceSearchOptions,
  UrlReaderServiceSearchResponse,
} from '@greenroom/backend-plugin-api';
import { InputError, NotFoundError, NotModifiedError } from '@greenroom/errors';
import { bufferResponse } from '../bufferResponse';
import { describeUrl } from '../describeUrl';
import type { ReadLimits } from '../readLimits';
import { fetchFollowingRedirects } from './fetchFollowingRedirects';
import type { ReadingAllowList } from './ReadingAllowList';
import { readBoundedBody } from './readBoundedBody';

// Glob characters as they stand in a decoded path; `?` is not one, it starts the query.
const GLOB_IN_PATH = /[*[\]{}]/;

/**
 * Reads http(s) URLs on the allow-list. Bodies are read whole, bounded by `maxBytes`, within
 * `timeoutMs`; credentials in the URL are sent as Basic auth and never appear in messages.
 */
export class HttpUrlReader {
  constructor(
    private readonly allowList: ReadingAllowList,
    private readonly limits: ReadLimits,
    private readonly logger: LoggerService,
  ) {}

  async readUrl(
    url: URL,
    options: UrlReaderServiceReadUrlOptions = {},
  ): Promise<UrlReaderServiceReadUrlResponse> {
    const display = describeUrl(url);
    const headers = new Headers();
    if (options.etag !== undefined) headers.set('if-none-match', options.etag);
    if (options.lastModifiedAfter)
      headers.set('if-modified-since', options.lastModifiedAfter.toUTCString());
    const timeout = AbortSignal.timeout(this.limits.timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    this.logger.debug(`Reading ${display}`);
    try {
      const response = await fetchFollowingRedirects(url, {
        allowList: this.allowList,
        headers,
        authorization: basicAuthorization(url),
        maxRedirects: this.limits.maxRedirects,
        signal,
      });
      const etag = response.headers.get('etag') ?? undefined;
      const lastModifiedAt = parseHttpDate(response.headers.get('last-modified'));
      const unchanged =
        response.status === 304 ||
        (response.ok && options.etag !== undefined && etag === options.etag) ||
        (response.ok &&
          options.lastModifiedAfter &&
          lastModifiedAt &&
          lastModifiedAt <= options.lastModifiedAfter);
      if (unchanged) {
        await response.body?.cancel();
        throw new NotModifiedError(`'${display}' has not been modified`);
      }
      if (!response.ok) {
        await response.body?.cancel();
        if (response.status === 404)
          throw new NotFoundError(`Could not read '${display}': not found (HTTP 404)`);
        throw new Error(
          `Could not read '${display}': HTTP ${response.status} ${response.statusText}`.trimEnd(),
        );
      }
      const body = await readBoundedBody(response, this.limits.maxBytes, display);
      return bufferResponse(body, { etag, lastModifiedAt });
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason ?? error;
      if (timeout.aborted) {
        throw new Error(`Timed out after ${this.limits.timeoutMs} ms reading '${display}'`, {
          cause: error,
        });
      }
      throw error;
    }
  }

  /**
   * Without a glob, the one URL (or nothing when it is missing). Globs need a listing API that
   * plain HTTP lacks, so they are refused.
   */
  async search(
    url: URL,
    options: UrlReaderServiceSearchOptions = {},
  ): Promise<UrlReaderServiceSearchResponse> {
    const display = describeUrl(url);
    if (GLOB_IN_PATH.test(safeDecode(url.pathname))) {
      throw new InputError(`Cannot search '${display}': globs are only supported for files`);
    }
    let response: UrlReaderServiceReadUrlResponse | undefined;
    try {
      // The etag may be the server's own, which turns an unchanged search into a cheap 304.
      response = await this.readUrl(url, { etag: options.etag, signal: options.signal });
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
    const body = response ? await response.buffer() : undefined;
    // Hashing the body keeps the etag meaningful when the server sends none (or nothing exists).
    const etag = response?.etag ?? sha256(body ?? '');
    if (options.etag !== undefined && options.etag === etag) {
      throw new NotModifiedError(`'${display}' has not been modified`);
    }
    if (!response || !body) return { files: [], etag };
    return {
      files: [
        { url: url.href, content: async () => body, lastModifiedAt: response.lastModifiedAt },
      ],
      etag,
    };
  }
}

function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

function basicAuthorization(url: URL): string | undefined {
  if (!url.username && !url.password) return undefined;
  const user = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

function parseHttpDate(value: string | null): Date | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function safeDecode(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

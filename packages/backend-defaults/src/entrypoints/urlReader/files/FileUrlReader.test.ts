import { mkdir, mkdtemp, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { UrlReaderService } from '@greenroom/backend-plugin-api';
import { createTestLogger } from '@greenroom/backend-test-utils';
import { ConfigReader } from '@greenroom/config';
import { InputError, NotFoundError, NotModifiedError } from '@greenroom/errors';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UrlReaders } from '../UrlReaders';

let dir: string;
let reader: UrlReaderService;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'greenroom-files-'));
  reader = UrlReaders.fromConfig(new ConfigReader({}), {
    logger: createTestLogger(),
    maxBytes: 64,
  });
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function put(relative: string, content: string, mtime?: Date): Promise<string> {
  const path = join(dir, relative);
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, content);
  if (mtime) await utimes(path, mtime, mtime);
  return path;
}

const text = async (buffer: Promise<Buffer>) => (await buffer).toString();

describe('FileUrlReader readUrl', () => {
  it('reads absolute paths and file URLs, with etag and mtime', async () => {
    const mtime = new Date('2024-01-02T03:04:05.500Z');
    const path = await put('a.yaml', 'hello', mtime);
    for (const url of [path, pathToFileURL(path).href, `file://localhost${path}`]) {
      const response = await reader.readUrl(url);
      expect(await text(response.buffer())).toBe('hello');
      expect(response.lastModifiedAt).toEqual(mtime);
      expect(response.etag).toMatch(/^5-[0-9a-f]+$/);
    }
    const chunks: Buffer[] = [];
    for await (const chunk of (await reader.readUrl(path)).stream()) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('hello');
  });

  it('throws NotFoundError naming the missing path', async () => {
    const missing = join(dir, 'missing.yaml');
    await expect(reader.readUrl(missing)).rejects.toThrow(NotFoundError);
    await expect(reader.readUrl(missing)).rejects.toThrow(`File not found: '${missing}'`);
    await put('file', 'x');
    await expect(reader.readUrl(join(dir, 'file', 'below'))).rejects.toThrow(NotFoundError);
  });

  it('refuses directories and special files', async () => {
    await expect(reader.readUrl(dir)).rejects.toThrow(`'${dir}' is a directory, not a file`);
    await expect(reader.readUrl('/dev/zero')).rejects.toThrow("'/dev/zero' is not a regular file");
  });

  it('throws NotModifiedError for a matching etag, and reads again after a change', async () => {
    const path = await put('a.yaml', 'one', new Date('2024-01-01T00:00:00Z'));
    const { etag } = await reader.readUrl(path);
    await expect(reader.readUrl(path, { etag })).rejects.toThrow(NotModifiedError);
    await put('a.yaml', 'two!', new Date('2024-01-01T00:00:01Z'));
    const changed = await reader.readUrl(path, { etag });
    expect(await text(changed.buffer())).toBe('two!');
    expect(changed.etag).not.toBe(etag);
  });

  // Sub-second parts are binary fractions so utimes stores them exactly.
  it('throws NotModifiedError when not modified after lastModifiedAfter', async () => {
    const mtime = new Date('2024-01-01T00:00:00.250Z');
    const path = await put('a.yaml', 'x', mtime);
    await expect(reader.readUrl(path, { lastModifiedAfter: mtime })).rejects.toThrow(
      NotModifiedError,
    );
    const first = await reader.readUrl(path);
    await expect(reader.readUrl(path, { lastModifiedAfter: first.lastModifiedAt })).rejects.toThrow(
      NotModifiedError,
    );
    const earlier = new Date(mtime.getTime() - 1);
    await expect(reader.readUrl(path, { lastModifiedAfter: earlier })).resolves.toBeDefined();
  });

  it('refuses files larger than the limit', async () => {
    const path = await put('big.txt', 'x'.repeat(100));
    await expect(reader.readUrl(path)).rejects.toThrow(
      `'${path}' is 100 bytes, more than the 64 bytes read limit`,
    );
  });

  it('refuses anything that is not an absolute path or absolute file URL', async () => {
    for (const bad of [
      'a.yaml',
      './a.yaml',
      '../etc/passwd',
      'file:a.yaml',
      'file:./a.yaml',
      'file:/etc/hostname',
      'file://server/share/x',
      'ftp://example.com/x',
      '',
      '/tmp/a\0b',
    ]) {
      await expect(reader.readUrl(bad), bad).rejects.toThrow(InputError);
    }
    await expect(reader.readUrl('file://user:secret@host/x')).rejects.toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('secret') }),
    );
    await expect(reader.readUrl('ftp://example.com/x')).rejects.toThrow(
      /Unsupported URL scheme 'ftp:'/,
    );
  });

  it('honours an aborted signal', async () => {
    const path = await put('a.yaml', 'x');
    await expect(reader.readUrl(path, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});

describe('FileUrlReader search', () => {
  beforeEach(async () => {
    await put('catalog-info.yaml', 'root');
    await put('services/a/catalog-info.yaml', 'a');
    await put('services/b/catalog-info.yaml', 'b');
    await put('services/b/other.yaml', 'other');
    await put('.hidden/catalog-info.yaml', 'hidden');
  });

  it('finds files matching a glob, as sorted absolute paths with content', async () => {
    const result = await reader.search(join(dir, '**/catalog-info.yaml'));
    expect(result.files.map(file => file.url)).toEqual([
      join(dir, 'catalog-info.yaml'),
      join(dir, 'services/a/catalog-info.yaml'),
      join(dir, 'services/b/catalog-info.yaml'),
    ]);
    expect(await Promise.all(result.files.map(file => text(file.content())))).toEqual([
      'root',
      'a',
      'b',
    ]);
    expect(result.files[0].lastModifiedAt).toBeInstanceOf(Date);
  });

  it('accepts file URLs with globs, braces included', async () => {
    const result = await reader.search(`${pathToFileURL(dir).href}/services/{a,b}/*.yaml`);
    expect(result.files.map(file => file.url)).toEqual([
      join(dir, 'services/a/catalog-info.yaml'),
      join(dir, 'services/b/catalog-info.yaml'),
      join(dir, 'services/b/other.yaml'),
    ]);
  });

  it('has an etag that holds still until a matching file is added, changed or removed', async () => {
    const pattern = join(dir, '**/catalog-info.yaml');
    const { etag } = await reader.search(pattern);
    expect((await reader.search(pattern)).etag).toBe(etag);
    await expect(reader.search(pattern, { etag })).rejects.toThrow(NotModifiedError);

    await put('services/b/other.yaml', 'not matched, no effect');
    await expect(reader.search(pattern, { etag })).rejects.toThrow(NotModifiedError);

    await put('services/c/catalog-info.yaml', 'c');
    const added = (await reader.search(pattern, { etag })).etag;
    expect(added).not.toBe(etag);
    await put('services/a/catalog-info.yaml', 'a, edited', new Date('2030-01-01T00:00:00Z'));
    const edited = (await reader.search(pattern, { etag: added })).etag;
    expect(edited).not.toBe(added);
    await rm(join(dir, 'services/c/catalog-info.yaml'));
    expect((await reader.search(pattern, { etag: edited })).etag).not.toBe(edited);
  });

  it('returns the one file for a plain path, and nothing when it is missing', async () => {
    const one = await reader.search(join(dir, 'services/a/catalog-info.yaml'));
    expect(one.files.map(file => file.url)).toEqual([join(dir, 'services/a/catalog-info.yaml')]);
    expect((await reader.search(join(dir, 'missing.yaml'))).files).toEqual([]);
    expect((await reader.search(join(dir, 'services'))).files).toEqual([]);
    expect((await reader.search(join(dir, 'no-such-dir/**/*.yaml'))).files).toEqual([]);
  });

  it('refuses oversized matches when their content is asked for', async () => {
    await put('services/big/catalog-info.yaml', 'x'.repeat(100));
    const result = await reader.search(join(dir, 'services/big/*.yaml'));
    expect(result.files).toHaveLength(1);
    await expect(result.files[0].content()).rejects.toThrow(/more than the 64 bytes read limit/);
  });

  it('does not loop forever on a symlink cycle', async () => {
    await symlink(dir, join(dir, 'services/loop'));
    const result = await reader.search(join(dir, 'services/**/catalog-info.yaml'));
    expect(result.files).toHaveLength(2);
  });

  it('refuses relative search paths', async () => {
    await expect(reader.search('**/catalog-info.yaml')).rejects.toThrow(InputError);
    await expect(reader.search('file:services/*.yaml')).rejects.toThrow(InputError);
  });
});

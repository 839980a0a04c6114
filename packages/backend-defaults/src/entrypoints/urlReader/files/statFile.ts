import type { BigIntStats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { InputError, NotFoundError } from '@greenroom/errors';

export interface FileInfo {
  path: string;
  size: number;
  /** Whole milliseconds, so a Date handed back as `lastModifiedAfter` compares equal. */
  lastModifiedAt: Date;
  etag: string;
}

/**
 * Stats a regular file and turns the usual failures into typed errors. Devices and FIFOs are
 * refused: reading `/dev/zero` would never end.
 */
export async function statFile(path: string): Promise<FileInfo> {
  let stats: BigIntStats;
  try {
    stats = await stat(path, { bigint: true });
  } catch (error) {
    throw fileError(error, path);
  }
  if (stats.isDirectory()) throw new InputError(`'${path}' is a directory, not a file`);
  if (!stats.isFile()) throw new InputError(`'${path}' is not a regular file`);
  return toFileInfo(path, stats);
}

/** Like statFile, but undefined when there is no regular file at `path`. */
export async function statFileIfPresent(path: string): Promise<FileInfo | undefined> {
  try {
    const stats = await stat(path, { bigint: true });
    return stats.isFile() ? toFileInfo(path, stats) : undefined;
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw fileError(error, path);
  }
}

/** Maps a node:fs error for `path` to a typed error with a message that names the path. */
export function fileError(error: unknown, path: string): Error {
  if (isMissing(error)) return new NotFoundError(`File not found: '${path}'`);
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'EISDIR') return new InputError(`'${path}' is a directory, not a file`);
  if (code === 'EACCES' || code === 'EPERM') {
    return new Error(`Permission denied reading '${path}'`, { cause: error });
  }
  return error instanceof Error ? error : new Error(String(error));
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

function toFileInfo(path: string, stats: BigIntStats): FileInfo {
  return {
    path,
    size: Number(stats.size),
    lastModifiedAt: new Date(Number(stats.mtimeMs)),
    // Size plus nanosecond mtime: cheap (no read) and changes on any ordinary write.
    etag: `${stats.size.toString(16)}-${stats.mtimeNs.toString(16)}`,
  };
}

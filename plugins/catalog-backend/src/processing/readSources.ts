import type { UrlReaderService } from '@greenroom/backend-plugin-api';
import { isGlob, sourceLocation, type SourceLocation } from './locationKeys';

/** The text of one file behind a location. */
export interface SourceFile {
  location: SourceLocation;
  text: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decode(buffer: Buffer): string {
  try {
    return utf8.decode(buffer);
  } catch {
    throw new TypeError('The file is not valid UTF-8');
  }
}

/** Reads one file, or every file a glob target matches (each keyed by its own location). */
export async function readSources(
  reader: UrlReaderService,
  location: SourceLocation,
): Promise<SourceFile[]> {
  if (isGlob(location.target)) {
    const { files } = await reader.search(location.target);
    const found = await Promise.all(
      files.map(async file => ({
        location: sourceLocation(location.type, file.url),
        text: decode(await file.content()),
      })),
    );
    return found.sort((a, b) => a.location.key.localeCompare(b.location.key));
  }
  const response = await reader.readUrl(location.target);
  return [{ location, text: decode(await response.buffer()) }];
}

/** Reads a single file as text (placeholders). */
export async function readText(
  reader: UrlReaderService,
  location: SourceLocation,
): Promise<string> {
  return decode(await (await reader.readUrl(location.target)).buffer());
}

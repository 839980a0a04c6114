import type { UrlReaderService } from '@greenroom/backend-plugin-api';
import type { SourceLocation } from './locationKeys';

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decode(buffer: Buffer): string {
  try {
    return utf8.decode(buffer);
  } catch {
    throw new TypeError('The file is not valid UTF-8');
  }
}

/** Reads a single file as text (placeholders). */
export async function readText(
  reader: UrlReaderService,
  location: SourceLocation,
): Promise<string> {
  return decode(await (await reader.readUrl(location.target)).buffer());
}

import { fileURLToPath } from 'node:url';
import type { UrlReaderService } from '@greenroom/backend-plugin-api';
import { NotAllowedError } from '@greenroom/errors';
import { isInsideFileRoots } from './registrationPolicy';

function filePathOf(target: string): string | undefined {
  if (target.startsWith('file:')) return fileURLToPath(target);
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(target) ? undefined : target;
}

/**
 * A reader for everything reached from a location registered through the API: its Location
 * entities and `$text` placeholders may only read files under `catalog.registration.fileRoots`
 * (none when that is unset), so a registered file or URL cannot pull in other files on the host.
 * URLs still go through `backend.reading.allow` in the wrapped reader.
 */
export function confineFileReads(
  reader: UrlReaderService,
  fileRoots: readonly string[],
): UrlReaderService {
  const check = async (target: string) => {
    const path = filePathOf(target);
    if (path !== undefined && !(await isInsideFileRoots(path, fileRoots))) {
      throw new NotAllowedError(
        `Reading files outside catalog.registration.fileRoots is not allowed from a registered location`,
      );
    }
  };
  return {
    async readUrl(url, options) {
      await check(url);
      return reader.readUrl(url, options);
    },
    async search(url, options) {
      await check(url);
      const result = await reader.search(url, options);
      // A glob inside a root may still match a link that leads out of it.
      for (const file of result.files) await check(file.url);
      return result;
    },
  };
}

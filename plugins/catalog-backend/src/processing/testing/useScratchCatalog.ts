import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { IngestionTestBackend } from './startIngestionTestBackend';

/**
 * A temp dir for a test's catalog files and the backends it starts, both removed after each
 * test (backends stopped first, so no engine still reads the files).
 */
export function useScratchCatalog(prefix: string) {
  let dir: string | undefined;
  const backends: IngestionTestBackend[] = [];
  afterEach(async () => {
    for (const backend of backends.splice(0)) await backend.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });
  return {
    async makeDir(): Promise<string> {
      dir = await mkdtemp(join(tmpdir(), prefix));
      return dir;
    },
    /** Stops `backend` after the test (unless the test stopped it and called `forget`). */
    track(backend: IngestionTestBackend): IngestionTestBackend {
      backends.push(backend);
      return backend;
    },
    forget(backend: IngestionTestBackend): void {
      backends.splice(backends.indexOf(backend), 1);
    },
  };
}

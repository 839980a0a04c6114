// The production backend bundle the benches measure, and the check that it is not stale.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const backendBundle = join(repoDir, 'packages', 'backend', 'dist', 'index.mjs');

/**
 * Refuses a bundle older than any source it was built from, so a bench never measures old code
 * without saying so. The bundle's source map lists exactly those sources, so edits elsewhere in
 * the repo (the frontend) do not count.
 */
export function assertFreshBundle() {
  if (!existsSync(backendBundle)) throw new Error('no backend bundle: run yarn build first');
  const builtAt = statSync(backendBundle).mtimeMs;
  const map = JSON.parse(readFileSync(`${backendBundle}.map`, 'utf8'));
  for (const source of map.sources) {
    const path = resolve(dirname(backendBundle), source);
    if (!existsSync(path) || statSync(path).mtimeMs > builtAt) {
      throw new Error(
        `the backend bundle is older than ${path.slice(repoDir.length + 1)}: run yarn build first`,
      );
    }
  }
}

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigLoadError } from './ConfigLoadError';

function declaresWorkspaces(packageJsonPath: string): boolean {
  try {
    const manifest: unknown = JSON.parse(readFileSync(packageJsonPath, 'utf8'));
    return typeof manifest === 'object' && manifest !== null && 'workspaces' in manifest;
  } catch {
    return false;
  }
}

/** The nearest directory at or above `cwd` whose package.json declares `workspaces`, if any. */
export function tryFindRootDir(cwd: string): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate) && declaresWorkspaces(candidate)) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The repository root: the nearest directory at or above `cwd` whose package.json declares `workspaces`. */
export function findRootDir(cwd: string = process.cwd()): string {
  const root = tryFindRootDir(cwd);
  if (!root) {
    throw new ConfigLoadError(
      `Could not find the repository root: no package.json with "workspaces" at or above ${resolve(cwd)}`,
    );
  }
  return root;
}

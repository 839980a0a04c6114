import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { commandExists, rootDir, run, runOrExit, step, yarnArgs } from './run.mjs';

function mtime(path) {
  return existsSync(path) ? statSync(path).mtimeMs : 0;
}

function workspaceManifests() {
  const manifests = [join(rootDir, 'package.json')];
  for (const group of ['packages', 'plugins']) {
    const dir = join(rootDir, group);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      const manifest = join(dir, name, 'package.json');
      if (existsSync(manifest)) manifests.push(manifest);
    }
  }
  return manifests;
}

/** Installs Node packages from the lockfile when node_modules is missing or older than it. */
export async function ensureNodePackages() {
  const state = join(rootDir, 'node_modules', '.yarn-state.yml');
  const newest = Math.max(mtime(join(rootDir, 'yarn.lock')), ...workspaceManifests().map(mtime));
  if (mtime(state) >= newest) return;
  step('Installing Node packages from yarn.lock (first run takes a minute or two)');
  await runOrExit(process.execPath, yarnArgs('install'));
  // Yarn leaves the state file alone when nothing changed; mark this check as done.
  if (existsSync(state)) utimesSync(state, new Date(), new Date());
}

/** True when a PostgreSQL server binary is installed (Debian keeps them off PATH). */
export function postgresInstalled() {
  const base = '/usr/lib/postgresql';
  return (
    existsSync(base) && readdirSync(base).some(v => existsSync(join(base, v, 'bin', 'initdb')))
  );
}

/** Installs a Debian package when it is missing and we may (root with apt-get). */
export async function ensureDebianPackage({ present, pkg, why }) {
  if (present()) return true;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !commandExists('apt-get')) {
    console.error(`${pkg} is missing (${why}). Install it, e.g.: sudo apt-get install -y ${pkg}`);
    return false;
  }
  step(`Installing ${pkg} from Debian (${why})`);
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  if ((await run('apt-get', ['update', '-q'], { env })) !== 0) return false;
  return (await run('apt-get', ['install', '-y', '-q', pkg], { env })) === 0 && present();
}

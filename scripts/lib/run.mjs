import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const rootDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Environment every child gets: the CA bundle for registry traffic and local node headers. */
export function childEnv(extra = {}) {
  const env = { ...process.env, ...extra };
  const caBundle = '/etc/ssl/certs/ca-certificates.crt';
  if (!env.NODE_EXTRA_CA_CERTS && existsSync(caBundle)) env.NODE_EXTRA_CA_CERTS = caBundle;
  // Native modules build against the installed headers; node-gyp can not download them here.
  if (!env.npm_config_nodedir && existsSync('/usr/include/node/node.h'))
    env.npm_config_nodedir = '/usr';
  return env;
}

export function step(message) {
  console.log(`\n==> ${message}`);
}

/** Starts a command with inherited stdio: the child and a promise of its exit code. */
export function start(command, args, options = {}) {
  const child = spawn(command, args, {
    cwd: options.cwd ?? rootDir,
    stdio: 'inherit',
    env: childEnv(options.env),
  });
  const exit = new Promise(resolve => {
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', error => {
      console.error(`Could not run ${command}: ${error.message}`);
      resolve(1);
    });
  });
  return { child, exit };
}

/** Runs a command with inherited stdio; resolves with its exit code. */
export function run(command, args, options = {}) {
  return start(command, args, options).exit;
}

/** Runs a command and exits the process when it fails. */
export async function runOrExit(command, args, options) {
  const code = await run(command, args, options);
  if (code !== 0) {
    console.error(`\n${command} ${args.join(' ')} failed with exit code ${code}`);
    process.exit(code);
  }
}

export function commandExists(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

export function yarnArgs(...args) {
  return [join(rootDir, '.yarn', 'releases', 'yarn-4.18.1.cjs'), ...args];
}

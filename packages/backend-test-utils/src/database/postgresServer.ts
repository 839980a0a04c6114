import { execFile, execFileSync } from 'node:child_process';
import { access, chown, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A throwaway PostgreSQL server in a temp dir; `stop()` shuts it down and deletes the dir. */
export interface TemporaryPostgresServer {
  url: string;
  stop(): Promise<void>;
  /** For `process.on('exit')`, where nothing async runs any more. */
  stopSync(): void;
}

/** The directory holding `initdb` and `pg_ctl`, newest version first; undefined when not installed. */
export async function findPostgresBinDir(): Promise<string | undefined> {
  const versioned = await readdir('/usr/lib/postgresql').catch(() => [] as string[]);
  const candidates = [
    ...versioned
      .filter(name => /^\d+(\.\d+)?$/.test(name))
      .sort((a, b) => Number(b) - Number(a))
      .map(version => join('/usr/lib/postgresql', version, 'bin')),
    ...(process.env.PATH ?? '').split(delimiter).filter(Boolean),
  ];
  for (const dir of candidates) {
    if ((await isExecutable(join(dir, 'initdb'))) && (await isExecutable(join(dir, 'pg_ctl')))) {
      return dir;
    }
  }
  return undefined;
}

/**
 * Starts a fresh server on a free 127.0.0.1 port with durability turned off (test data is thrown
 * away). initdb and postgres refuse to run as root, so as root they run as the `postgres` user.
 */
export async function startTemporaryPostgres(binDir: string): Promise<TemporaryPostgresServer> {
  const dir = await mkdtemp(join(tmpdir(), 'greenroom-pg-'));
  const dataDir = join(dir, 'data');
  const logFile = join(dir, 'postgres.log');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    await chown(dir, uid, gid);
  }
  const command = (bin: string, args: string[]): [string, string[]] =>
    asRoot
      ? ['runuser', ['-u', 'postgres', '--', join(binDir, bin), ...args]]
      : [join(binDir, bin), args];

  const exec = async (bin: string, args: string[]) => {
    const [file, fullArgs] = command(bin, args);
    return run(file, fullArgs, { cwd: dir });
  };
  const stopArgs = ['-D', dataDir, '-m', 'immediate', '-w', 'stop'];

  try {
    await exec('initdb', [
      '-D',
      dataDir,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--no-sync',
    ]);
    // A port picked free can be taken before postgres binds it; a few attempts settle that race.
    for (let attempt = 1; ; attempt++) {
      const port = await findFreePort();
      const options = [
        '-c listen_addresses=127.0.0.1',
        `-p ${port}`,
        `-k '${dir}'`,
        '-c fsync=off',
        '-c synchronous_commit=off',
        '-c full_page_writes=off',
        // Headroom for two test workers, each opening pools for several plugins at once.
        '-c max_connections=300',
      ].join(' ');
      try {
        await exec('pg_ctl', [
          '-D',
          dataDir,
          '-l',
          logFile,
          '-w',
          '-t',
          '60',
          '-o',
          options,
          'start',
        ]);
        return {
          url: `postgres://postgres@127.0.0.1:${port}/postgres`,
          stop: async () => {
            await exec('pg_ctl', stopArgs).catch(() => undefined);
            await rm(dir, { recursive: true, force: true });
          },
          stopSync: () => {
            try {
              const [file, fullArgs] = command('pg_ctl', stopArgs);
              execFileSync(file, fullArgs, { stdio: 'ignore' });
            } catch {
              // Already stopped.
            }
            execFileSync('rm', ['-rf', dir]);
          },
        };
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
  } catch (error) {
    const log = await readFile(logFile, 'utf8').catch(() => '');
    await rm(dir, { recursive: true, force: true });
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Could not start the test PostgreSQL server: ${detail}${log ? `\n${log}` : ''}`,
      { cause: error },
    );
  }
}

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, 1 /* X_OK */);
    return true;
  } catch {
    return false;
  }
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

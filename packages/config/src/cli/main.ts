import { runCheck } from './check';
import { runSchema } from './schema';
import type { CliIo } from './CliIo';

const USAGE = `Usage:
  config check [--config <file>]... [--lax] [--frontend]
  config schema [--output <file>]`;

const commands: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  check: runCheck,
  schema: runSchema,
};

async function main(argv: string[]): Promise<number> {
  const io: CliIo = {
    cwd: process.cwd(),
    env: process.env,
    stdout: line => console.log(line),
    stderr: line => console.error(line),
  };
  const [name, ...args] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    io.stderr(name ? `Unknown command '${name}'.\n${USAGE}` : USAGE);
    return 1;
  }
  try {
    return await command(args, io);
  } catch (error) {
    // Load and schema errors are one line that names the file and key and holds no config value.
    io.stderr(error instanceof Error ? error.message : String(error));
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));

import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { findRootDir } from '../loader/findRootDir';
import { loadConfigSchema } from '../schema/loadConfigSchema';
import type { CliIo } from './CliIo';

/** `schema [--output <file>]`: writes the merged JSON Schema of every workspace package. */
export async function runSchema(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { output: { type: 'string' } }, strict: true });
  const schema = await loadConfigSchema(findRootDir(io.cwd));
  const json = `${JSON.stringify(schema, null, 2)}\n`;
  if (values.output) {
    const target = resolve(io.cwd, values.output);
    await writeFile(target, json);
    io.stderr(`Wrote the config schema to ${target}`);
  } else {
    io.stdout(json.trimEnd());
  }
  return 0;
}

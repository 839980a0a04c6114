import { parseArgs } from 'node:util';
import { loadConfig } from '../loader/loadConfig';
import { findRootDir } from '../loader/findRootDir';
import { loadConfigSchema } from '../schema/loadConfigSchema';
import { validateConfig } from '../schema/validateConfig';
import { declaredVisibilities, declaredVisibilityAt } from '../schema/declaredVisibilities';
import type { CliIo } from './CliIo';

/**
 * `check [--config <file>]... [--lax] [--frontend]`: loads the config, validates it against the
 * merged schema of every workspace package and prints one line per problem. Exit code 1 when
 * there are problems or the config does not load.
 */
export async function runCheck(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      config: { type: 'string', multiple: true },
      lax: { type: 'boolean', default: false },
      frontend: { type: 'boolean', default: false },
    },
    strict: true,
  });

  const rootDir = findRootDir(io.cwd);
  const loaded = await loadConfig({
    cwd: io.cwd,
    rootDir,
    configFiles: values.config ?? [],
    env: io.env,
    lax: values.lax,
  });
  io.stderr(`Loaded config from ${loaded.layers.map(layer => layer.context).join(', ')}`);

  const schema = await loadConfigSchema(rootDir);
  let problems = validateConfig(loaded.layers, schema);
  if (values.frontend) {
    const declared = declaredVisibilities(schema);
    problems = problems.filter(
      problem => declaredVisibilityAt(declared, problem.path) === 'frontend',
    );
  }
  for (const problem of problems) io.stderr(problem.text);
  return problems.length > 0 ? 1 : 0;
}

import { ConfigLoadError } from './ConfigLoadError';

/**
 * The file paths given by `--config <file>` and `--config=<file>` flags, in order. Other
 * arguments are ignored so the backend can take flags of its own.
 */
export function parseConfigFlags(argv: readonly string[]): string[] {
  const files: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === '--') break;
    if (arg.startsWith('--config=')) {
      const file = arg.slice('--config='.length);
      if (!file) throw new ConfigLoadError('--config= needs a file path');
      files.push(file);
    } else if (arg === '--config') {
      const file = argv[index + 1];
      if (file === undefined || file.startsWith('--'))
        throw new ConfigLoadError('--config needs a file path');
      files.push(file);
      index++;
    }
  }
  return files;
}

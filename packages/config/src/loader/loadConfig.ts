import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { AppConfig, Config, JsonObject } from '../types';
import { ConfigReader } from '../reader/ConfigReader';
import { readEnvOverrides } from '../env/readEnvOverrides';
import { transformConfigValue } from '../transform/transformConfigValue';
import { isJsonObject } from '../util/json';
import { ConfigLoadError } from './ConfigLoadError';
import { findRootDir, tryFindRootDir } from './findRootDir';
import { parseConfigFlags } from './parseConfigFlags';
import { parseConfigText } from './parseConfigText';

export interface LoadConfigOptions {
  /** Where relative `--config` paths resolve from. Default: `process.cwd()`. */
  cwd?: string;
  /** The repository root holding the default files. Default: found from `cwd` by {@link findRootDir}. */
  rootDir?: string;
  /** Command-line arguments to read `--config <file>` / `--config=<file>` from; others are ignored. */
  argv?: readonly string[];
  /** Config files to load instead of reading them from `argv` (relative to `cwd`). */
  configFiles?: readonly string[];
  /** The environment for `${VAR}`, `$env` and `APP_CONFIG_*`. Default: `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Substitute a placeholder for unset variables instead of failing. */
  lax?: boolean;
}

export interface LoadedConfig {
  /** One layer per config file in load order, then one per `APP_CONFIG_*` variable. */
  layers: AppConfig[];
  /** Absolute paths of the config files that were loaded, in order. */
  files: string[];
  rootDir: string;
  /** The merged configuration. */
  config: Config;
}

function defaultConfigFiles(rootDir: string): string[] {
  const files = [join(rootDir, 'app-config.yaml')];
  const local = join(rootDir, 'app-config.local.yaml');
  if (existsSync(local)) files.push(local);
  return files;
}

async function loadConfigFile(
  file: string,
  displayPath: (file: string) => string,
  options: { env: Readonly<Record<string, string | undefined>>; lax: boolean },
): Promise<AppConfig> {
  const shown = displayPath(file);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new ConfigLoadError(`${shown}: config file not found (looked for ${file})`, shown);
    }
    throw new ConfigLoadError(
      `${shown}: cannot read config file (${code ?? 'unknown error'})`,
      shown,
    );
  }
  const parsed = parseConfigText(text, shown);
  // An empty file (or one with only comments) is an empty config.
  if (parsed !== null && !isJsonObject(parsed)) {
    const kind = Array.isArray(parsed) ? 'a list' : `a ${typeof parsed}`;
    throw new ConfigLoadError(
      `${shown}: the top level must be a mapping of keys to values, not ${kind}`,
      shown,
    );
  }
  const data = await transformConfigValue(parsed ?? {}, [], {
    env: options.env,
    lax: options.lax,
    file,
    displayPath,
    includeStack: [file],
  });
  return { context: shown, data: data as JsonObject };
}

/**
 * Loads the app config. Without `--config` flags: `<rootDir>/app-config.yaml` (required) and then
 * `<rootDir>/app-config.local.yaml` when it exists. `--config` flags replace that list. The
 * `APP_CONFIG_*` environment variables come last and win. Throws {@link ConfigLoadError}.
 */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<LoadedConfig> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const env = options.env ?? process.env;
  const lax = options.lax ?? false;
  const requested = options.configFiles ?? parseConfigFlags(options.argv ?? []);

  let rootDir: string;
  let files: string[];
  if (requested.length > 0) {
    rootDir = resolve(options.rootDir ?? tryFindRootDir(cwd) ?? cwd);
    files = requested.map(file => resolve(cwd, file));
  } else {
    rootDir = resolve(options.rootDir ?? findRootDir(cwd));
    files = defaultConfigFiles(rootDir);
    if (!existsSync(files[0])) {
      throw new ConfigLoadError(
        `app-config.yaml: not found in ${rootDir}; create it or pass --config <file>`,
        'app-config.yaml',
      );
    }
  }

  const displayPath = (file: string) => {
    const fromRoot = relative(rootDir, file);
    return fromRoot && !fromRoot.startsWith('..') && !isAbsolute(fromRoot) ? fromRoot : file;
  };

  const layers: AppConfig[] = [];
  for (const file of files) layers.push(await loadConfigFile(file, displayPath, { env, lax }));
  layers.push(...readEnvOverrides(env));

  return { layers, files, rootDir, config: ConfigReader.fromConfigs(layers) };
}

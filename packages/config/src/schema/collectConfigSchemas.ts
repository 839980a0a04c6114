import { readFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { ConfigLoadError } from '../loader/ConfigLoadError';
import { isJsonObject } from '../util/json';
import type { ConfigSchemaPackage } from './types';

interface PackageManifest {
  name?: unknown;
  workspaces?: unknown;
  configSchema?: unknown;
}

async function readJson(file: string, shown: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigLoadError(
      `${shown}: ${code === 'ENOENT' ? 'file not found' : `cannot read file (${code})`}`,
      shown,
    );
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ConfigLoadError(`${shown}: invalid JSON`, shown);
  }
}

function workspacePatterns(manifest: PackageManifest): string[] {
  const { workspaces } = manifest;
  const list = Array.isArray(workspaces)
    ? workspaces
    : isJsonObject(workspaces) && Array.isArray(workspaces.packages)
      ? workspaces.packages
      : [];
  return list.filter(
    (pattern): pattern is string => typeof pattern === 'string' && !pattern.startsWith('!'),
  );
}

/** Expands `packages/*`-style patterns: a literal path, or one `*` in the last segment. */
async function expandPattern(rootDir: string, pattern: string): Promise<string[]> {
  const segments = pattern.replace(/\/+$/, '').split('/');
  const last = segments.pop() ?? '';
  if (segments.some(segment => segment.includes('*'))) {
    throw new ConfigLoadError(
      `package.json: unsupported workspaces pattern '${pattern}' (only a '*' in the last segment is supported)`,
    );
  }
  const parent = join(rootDir, ...segments);
  if (!last.includes('*')) return [join(parent, last)];
  const matcher = new RegExp(
    `^${last
      .split('*')
      .map(part => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^/]*')}$`,
  );
  const entries = await readdir(parent, { withFileTypes: true }).catch(() => []);
  return entries
    .filter(entry => entry.isDirectory() && !entry.name.startsWith('.') && matcher.test(entry.name))
    .map(entry => join(parent, entry.name))
    .sort();
}

async function schemaOfPackage(
  rootDir: string,
  dir: string,
): Promise<ConfigSchemaPackage | undefined> {
  const manifestPath = join(dir, 'package.json');
  if (!existsSync(manifestPath)) return undefined;
  const shownManifest = relative(rootDir, manifestPath) || 'package.json';
  const manifest = (await readJson(manifestPath, shownManifest)) as PackageManifest;
  const { configSchema } = manifest;
  if (configSchema === undefined) return undefined;
  const packageName =
    typeof manifest.name === 'string' ? manifest.name : relative(rootDir, dir) || '(root)';

  if (isJsonObject(configSchema))
    return { packageName, source: shownManifest, schema: configSchema };
  if (typeof configSchema !== 'string') {
    throw new ConfigLoadError(
      `${shownManifest}: "configSchema" must be a path to a .json file or an inline schema object`,
      shownManifest,
    );
  }
  const schemaPath = resolve(dir, configSchema);
  const shownSchema = relative(rootDir, schemaPath);
  if (extname(schemaPath) !== '.json') {
    throw new ConfigLoadError(
      `${shownManifest}: "configSchema" must point to a .json file, got ${configSchema}`,
      shownManifest,
    );
  }
  const schema = await readJson(schemaPath, shownSchema);
  if (!isJsonObject(schema)) {
    throw new ConfigLoadError(`${shownSchema}: a config schema must be a JSON object`, shownSchema);
  }
  return { packageName, source: shownSchema, schema };
}

/**
 * The config schemas declared by the root package and every workspace package, through
 * `"configSchema"` in package.json (a path to a .json file, or an inline object), sorted by
 * package name.
 */
export async function collectConfigSchemas(rootDir: string): Promise<ConfigSchemaPackage[]> {
  const root = resolve(rootDir);
  const manifest = (await readJson(join(root, 'package.json'), 'package.json')) as PackageManifest;
  const dirs = new Set<string>([root]);
  for (const pattern of workspacePatterns(manifest)) {
    for (const dir of await expandPattern(root, pattern)) dirs.add(dir);
  }
  const found: ConfigSchemaPackage[] = [];
  for (const dir of dirs) {
    const entry = await schemaOfPackage(root, dir);
    if (entry) found.push(entry);
  }
  return found.sort((a, b) => a.packageName.localeCompare(b.packageName));
}

import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  collectConfigSchemas,
  collectSecretValues,
  ConfigReader,
  durationToMs,
  filterConfigByVisibility,
  loadConfig,
  loadConfigSchema,
  validateConfig,
  type ConfigSchema,
  type JsonObject,
  type JsonValue,
} from '@greenroom/config';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileRoots } from './locations/registrationPolicy';
import { readProcessingConfig } from './processing/config';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

let schema: ConfigSchema;
beforeAll(async () => {
  schema = JSON.parse(await readFile(new URL('../config.schema.json', import.meta.url), 'utf8'));
});

function problems(catalog: JsonValue): string[] {
  return validateConfig([{ context: 'app-config.yaml', data: { catalog } }], schema).map(
    p => p.text,
  );
}

/** Whether the plugin's own reading of `catalog.*` accepts the value (it throws otherwise). */
function runtimeAccepts(catalog: JsonObject): boolean {
  const config = new ConfigReader({ catalog });
  try {
    const read = readProcessingConfig(config);
    // The scheduler refuses a zero frequency, so the catalog does not start with one.
    if (durationToMs(read.processingInterval, 'catalog.processingInterval') <= 0) return false;
    readFileRoots(config);
    config.getOptionalBoolean('catalog.readonly');
    return true;
  } catch {
    return false;
  }
}

const everyKey: JsonObject = {
  locations: [
    { type: 'file', target: 'catalog/users.yaml', rules: [{ allow: ['User', 'Group'] }] },
    {
      type: 'url',
      target: 'https://example.com/org/systems.yaml',
      rules: [
        { allow: ['System'], locations: [{ type: 'url', pattern: 'https://example.com/**' }] },
      ],
    },
  ],
  rules: [
    { allow: ['Component', 'API', 'Location'] },
    {
      allow: ['Template'],
      locations: [
        { type: 'url', exact: 'https://example.com/templates.yaml' },
        { type: 'file', pattern: 'templates/*.yaml' },
      ],
    },
  ],
  readonly: true,
  processingInterval: { minutes: 3 },
  orphanStrategy: 'keep',
  processingBatchSize: 100,
  registration: { fileRoots: ['/srv/catalog', 'examples'] },
};

describe('catalog-backend config.schema.json', () => {
  it('is the schema package.json declares, so startup validation uses it', async () => {
    const found = await collectConfigSchemas(repoRoot);
    const ours = found.find(entry => entry.packageName === '@greenroom/plugin-catalog-backend');
    expect(ours?.source).toBe('plugins/catalog-backend/config.schema.json');
    expect(ours?.schema).toEqual(schema);
  });

  it('accepts the repository’s own app-config files, checked against every package’s schema', async () => {
    const merged = await loadConfigSchema(repoRoot);
    const env = { POSTGRES_HOST: 'db', POSTGRES_USER: 'u', POSTGRES_PASSWORD: 'pw' };
    for (const configFiles of [
      ['app-config.yaml'],
      ['app-config.yaml', 'app-config.production.yaml'],
    ]) {
      const { layers } = await loadConfig({ cwd: repoRoot, rootDir: repoRoot, configFiles, env });
      expect(layers.some(layer => isObject(layer.data) && 'catalog' in layer.data)).toBe(true);
      expect(validateConfig(layers, merged)).toEqual([]);
    }
  });

  it('accepts a config that sets every key, and the plugin reads it', () => {
    expect(problems(everyKey)).toEqual([]);
    expect(runtimeAccepts(everyKey)).toBe(true);
  });

  it('accepts the other spellings the plugin reads', () => {
    const spellings: JsonObject[] = [
      { processingInterval: 'PT100S' },
      { processingInterval: ' p1dt2h ' },
      { processingInterval: 'PT0.5S' },
      { processingInterval: { hours: 1, minutes: 30, milliseconds: 0 } },
      { readonly: 'false' },
      { processingBatchSize: '500' },
      { rules: [] },
      { locations: [] },
    ];
    for (const catalog of spellings) {
      expect(problems(catalog), JSON.stringify(catalog)).toEqual([]);
    }
  });

  it('refuses bad values with one problem naming the key', () => {
    const cases: Array<[JsonObject, string]> = [
      [{ orphanStrategy: 'sometimes' }, 'catalog.orphanStrategy: must be one of "keep", "delete"'],
      [{ processingInterval: false }, 'catalog.processingInterval: must be string or object'],
      [{ processingInterval: 30 }, 'catalog.processingInterval: must be string or object'],
      [{ processingInterval: { minutes: -1 } }, 'catalog.processingInterval.minutes: must be >= 0'],
      [
        { processingInterval: { minutes: '3' } },
        'catalog.processingInterval.minutes: must be number',
      ],
      [
        { processingInterval: {} },
        'catalog.processingInterval: must NOT have fewer than 1 properties',
      ],
      [{ processingBatchSize: 0 }, 'catalog.processingBatchSize: must be >= 1'],
      [{ processingBatchSize: -5 }, 'catalog.processingBatchSize: must be >= 1'],
      [{ processingBatchSize: 2.5 }, 'catalog.processingBatchSize: must be integer or string'],
      [{ readonly: 'yes' }, 'catalog.readonly: must be one of true, false, "true", "false"'],
      [{ locations: [{ type: 'file' }] }, 'catalog.locations[0].target: is required'],
      [
        { locations: [{ type: 'git', target: 'x' }] },
        'catalog.locations[0].type: must be one of "file", "url"',
      ],
      [
        { locations: [{ type: 'url', target: '' }] },
        'catalog.locations[0].target: must NOT have fewer than 1 characters',
      ],
      [
        { locations: [{ type: 'url', target: 'x', rules: [{ allow: 'User' }] }] },
        'catalog.locations[0].rules[0].allow: must be array',
      ],
      [{ rules: [{ allow: 'Component' }] }, 'catalog.rules[0].allow: must be array'],
      [{ rules: [{}] }, 'catalog.rules[0].allow: is required'],
      [{ rules: { allow: ['Component'] } }, 'catalog.rules: must be array'],
      [
        { rules: [{ allow: ['Component'], locations: [{ exact: 'x' }] }] },
        'catalog.rules[0].locations[0].type: is required',
      ],
      [{ registration: { fileRoots: '/srv' } }, 'catalog.registration.fileRoots: must be array'],
      [
        { registration: { fileRoots: [''] } },
        'catalog.registration.fileRoots[0]: must NOT have fewer than 1 characters',
      ],
    ];
    for (const [catalog, expected] of cases) {
      expect(problems(catalog), JSON.stringify(catalog)).toEqual([`app-config.yaml: ${expected}`]);
    }
  });

  it('refuses a processingInterval the plugin cannot read, naming the key', () => {
    for (const processingInterval of ['soon', '10s', '5 minutes', 'PT0S', 'P', 'P1DT', 'PT5']) {
      const found = problems({ processingInterval });
      expect(found, processingInterval).toHaveLength(1);
      expect(found[0]).toMatch(
        /^app-config\.yaml: catalog\.processingInterval: must match pattern/,
      );
    }
    const unknownUnit = problems({ processingInterval: { minute: 3 } });
    expect(unknownUnit).toContain(
      'app-config.yaml: catalog.processingInterval: must be one of "years", "months", "weeks", "days", "hours", "minutes", "seconds", "milliseconds"',
    );
  });

  it('agrees with the plugin’s own checks on what it accepts', () => {
    const samples: JsonObject[] = [
      everyKey,
      { processingInterval: 'PT100S' },
      { processingInterval: 'pt5m' },
      { processingInterval: 'P1Y2M3W4DT5H6M7.5S' },
      { processingInterval: 'PT0,5S' },
      { processingInterval: 'PT0S' },
      { processingInterval: 'P0D' },
      { processingInterval: 'soon' },
      { processingInterval: '10s' },
      { processingInterval: 'P1DT' },
      { processingInterval: 600 },
      { processingInterval: false },
      { processingInterval: { weeks: 1, milliseconds: 5 } },
      { processingInterval: { minute: 3 } },
      { processingInterval: { seconds: -1 } },
      { processingInterval: {} },
      { orphanStrategy: 'delete' },
      { orphanStrategy: 'sometimes' },
      { processingBatchSize: 1 },
      { processingBatchSize: '250' },
      { processingBatchSize: 0 },
      { processingBatchSize: -1 },
      { processingBatchSize: 1.5 },
      { processingBatchSize: 'many' },
      { readonly: 'true' },
      { readonly: 'yes' },
      { locations: [{ type: 'url', target: 'https://example.com/a.yaml' }] },
      { locations: [{ type: 'file' }] },
      { locations: [{ target: 'a.yaml' }] },
      { locations: [{ type: 'git', target: 'a.yaml' }] },
      { locations: [{ type: 'file', target: '' }] },
      { rules: [{ allow: [] }] },
      { rules: [{ allow: 'Component' }] },
      { rules: [{ allow: [''] }] },
      { rules: [{ allow: ['API'], locations: [{ exact: 'x' }] }] },
      { rules: [{ allow: ['API'], locations: [{ type: 'url', pattern: 7 }] }] },
      { registration: { fileRoots: [] } },
      { registration: { fileRoots: '/srv' } },
      { registration: { fileRoots: [3] } },
    ];
    for (const catalog of samples) {
      expect(problems(catalog).length === 0, JSON.stringify(catalog)).toBe(runtimeAccepts(catalog));
    }
  });

  it('sends nothing under catalog to the browser and marks nothing secret', () => {
    expect(filterConfigByVisibility({ catalog: everyKey }, schema, 'frontend')).toEqual({});
    expect(collectSecretValues({ catalog: everyKey }, schema)).toEqual([]);
  });

  it('describes every key, with its default unless it is required', () => {
    const keys: Array<{ path: string; description: unknown; needsDefault: boolean }> = [];
    const resolve = (node: JsonValue | undefined): JsonObject | undefined => {
      if (!isObject(node) || typeof node.$ref !== 'string')
        return isObject(node) ? node : undefined;
      return resolve((schema.definitions as JsonObject)[node.$ref.replace('#/definitions/', '')]);
    };
    const walk = (node: JsonValue | undefined, path: string) => {
      const resolved = resolve(node);
      if (!resolved) return;
      const required = Array.isArray(resolved.required) ? resolved.required : [];
      for (const [key, child] of Object.entries(
        isObject(resolved.properties) ? resolved.properties : {},
      )) {
        const description =
          (isObject(child) ? child.description : undefined) ?? resolve(child)?.description;
        // A group of keys (catalog.registration) has no default of its own.
        const group = isObject(resolve(child)?.properties);
        keys.push({
          path: `${path}.${key}`,
          description,
          needsDefault: !required.includes(key) && !group,
        });
        walk(child, `${path}.${key}`);
      }
      walk(resolved.items, `${path}[]`);
    };
    walk((schema.properties as JsonObject).catalog, 'catalog');

    expect(keys.map(k => k.path)).toEqual(
      expect.arrayContaining([
        'catalog.locations[].rules[].locations[].pattern',
        'catalog.processingBatchSize',
        'catalog.registration.fileRoots',
      ]),
    );
    expect(keys.filter(k => typeof k.description !== 'string').map(k => k.path)).toEqual([]);
    expect(
      keys
        .filter(k => k.needsDefault && !String(k.description).includes('Default'))
        .map(k => k.path),
    ).toEqual([]);
  });
});

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { backstageAccepts } from './backstageVerdict.testutil';
import { validateEntity } from './validateEntity';

const fixturesRoot = fileURLToPath(new URL('../../fixtures', import.meta.url));

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(entry.name) ? [path] : [];
  });
}

interface FixtureDocument {
  id: string;
  value: unknown;
}

function fixtureDocuments(): FixtureDocument[] {
  return yamlFiles(fixturesRoot).flatMap(file => {
    const name = relative(fixturesRoot, file);
    return parseAllDocuments(readFileSync(file, 'utf8')).map((doc, i) => {
      expect(doc.errors, `${name}#${i} parses`).toEqual([]);
      return { id: `${name}#${i}`, value: doc.toJS() };
    });
  });
}

describe('compatibility with @backstage/catalog-model on the fixtures', () => {
  const documents = fixtureDocuments().filter(doc => doc.value !== null);

  it('finds every fixture document', () => {
    // 76 entities (fixtures/README) + 6 create-app + 5 templates + 1 techdocs + 4 non-entity YAML files.
    expect(documents.length).toBeGreaterThanOrEqual(90);
  });

  it('gives the same verdict as Backstage for every document', async () => {
    const differences: string[] = [];
    const verdicts: Record<string, boolean> = {};
    for (const doc of documents) {
      const ours = validateEntity(doc.value).valid;
      const theirs = await backstageAccepts(doc.value);
      verdicts[doc.id] = ours;
      if (ours !== theirs) differences.push(`${doc.id}: ours=${ours} backstage=${theirs}`);
    }
    expect(differences).toEqual([]);
    // Both sides accept the real entities and reject the same documents: the API definitions
    // that are not entities, the template skeletons, APIs whose `definition` is still a `$text`
    // placeholder (the catalog resolves those before validating) and APIs without `definition`
    // (newer mcp-server style, not accepted by the classic API validator).
    const rejected = Object.keys(verdicts).filter(id => !verdicts[id]);
    expect(rejected.sort()).toEqual([
      'acme/apis/backstage-mcp-server-api.yaml#0',
      'acme/apis/config-schema-api.yaml#0',
      'acme/apis/local-ai-model-server-api.yaml#0',
      'acme/apis/petstore-webhook-api.yaml#0',
      'acme/apis/petstore-webhook.oas.yaml#0',
      'acme/apis/petstore.oas.yaml#0',
      'acme/apis/spotify-api.yaml#0',
      'acme/apis/wayback-archive-api.yaml#0',
      'acme/apis/wayback-search-api.yaml#0',
      'create-app/template/content/catalog-info.yaml#0',
      'templates/bitbucket-demo/template/catalog-info.yaml#0',
    ]);
    expect(verdicts['acme/components/artist-lookup-component.yaml#0']).toBe(true);
    expect(verdicts['create-app/template/template.yaml#0']).toBe(true);
  });
});

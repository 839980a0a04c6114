import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
  type EntityRelation,
} from '@greenroom/catalog-model';
import { parseAllDocuments } from 'yaml';

/** Backstage's example catalog (© The Backstage Authors, Apache-2.0), copied by catalog-model. */
export const ACME_FIXTURES_DIR = resolve(
  fileURLToPath(new URL('.', import.meta.url)),
  '../../../../packages/catalog-model/fixtures/acme',
);

async function yamlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(e =>
      e.isDirectory() ? yamlFiles(join(dir, e.name)) : Promise.resolve([join(dir, e.name)]),
    ),
  );
  return nested.flat().filter(f => f.endsWith('.yaml') && !f.endsWith('.oas.yaml'));
}

function isEntity(value: unknown): value is Entity {
  const v = value as Entity | null;
  return typeof v?.kind === 'string' && typeof v?.metadata?.name === 'string';
}

// A minimal stand-in for stitching, enough for relation filters: ownership, system parts and
// group membership, in both directions.
const RELATION_SOURCES: Array<[field: string, defaultKind: string, type: string, reverse: string]> =
  [
    ['owner', 'group', 'ownedBy', 'ownerOf'],
    ['system', 'system', 'partOf', 'hasPart'],
    ['memberOf', 'group', 'memberOf', 'hasMember'],
  ];

/** Every entity in the fixture folder, each once, with a uid, an etag and relations. */
export async function loadFixtureEntities(dir = ACME_FIXTURES_DIR): Promise<Entity[]> {
  const byRef = new Map<string, Entity>();
  for (const file of (await yamlFiles(dir)).sort()) {
    for (const doc of parseAllDocuments(await readFile(file, 'utf8'))) {
      const value: unknown = doc.toJS();
      if (!isEntity(value)) continue;
      const ref = stringifyEntityRef(value);
      if (byRef.has(ref)) continue;
      value.metadata.uid = randomUUID();
      value.metadata.etag = randomUUID();
      value.relations = [];
      byRef.set(ref, value);
    }
  }
  const add = (from: Entity, type: string, targetRef: string) => {
    if (!from.relations!.some(r => r.type === type && r.targetRef === targetRef)) {
      from.relations!.push({ type, targetRef } satisfies EntityRelation);
    }
  };
  for (const entity of byRef.values()) {
    const source = stringifyEntityRef(entity);
    const namespace = entity.metadata.namespace;
    for (const [field, defaultKind, type, reverse] of RELATION_SOURCES) {
      const raw = entity.spec?.[field];
      for (const target of [raw].flat()) {
        if (typeof target !== 'string') continue;
        const targetRef = stringifyEntityRef(
          parseEntityRef(target, { defaultKind, defaultNamespace: namespace }),
        );
        add(entity, type, targetRef);
        const other = byRef.get(targetRef);
        if (other) add(other, reverse, source);
      }
    }
  }
  return [...byRef.values()];
}

import type { Entity } from '@greenroom/catalog-model';
import { describe, expect, it } from 'vitest';
import { buildFullText, buildSearchRows } from './buildSearchRows';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'Petstore',
    uid: 'u1',
    etag: 'e1',
    title: 'Pet Store',
    description: 'x'.repeat(300),
    tags: ['Java', 'java', 'go'],
    annotations: { 'Backstage.io/Source': 'URL:x' },
    links: [{ url: 'https://a', title: 'A' }, { url: 'https://b' }],
  },
  spec: { type: 'service', owner: 'team-a', replicas: 3, flag: false, empty: null },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/team-a' }],
  status: { items: [] },
};

describe('buildSearchRows', () => {
  const rows = buildSearchRows('u1', entity);
  const pairs = rows.map(r => `${r.key}=${r.value}`);

  it('writes scalar leaves and array elements under lowercased dot paths', () => {
    expect(pairs).toEqual(
      expect.arrayContaining([
        'kind=component',
        'metadata.namespace=default',
        'metadata.name=petstore',
        'metadata.tags=java',
        'metadata.tags=go',
        'metadata.annotations.backstage.io/source=url:x',
        'metadata.links.url=https://a',
        'metadata.links.url=https://b',
        'spec.replicas=3',
        'spec.flag=false',
        'spec.empty=null',
      ]),
    );
    expect(rows.find(r => r.key === 'kind')?.original_value).toBe('Component');
    expect(rows.find(r => r.key === 'spec.type')?.original_value).toBeNull();
  });

  it('dedupes case variants, keeps long values for existence only, and skips volatile parts', () => {
    expect(pairs.filter(p => p === 'metadata.tags=java')).toHaveLength(1);
    expect(rows.find(r => r.key === 'metadata.description')).toEqual({
      entity_id: 'u1',
      key: 'metadata.description',
      value: null,
      original_value: null,
    });
    expect(rows.some(r => /^(relations|status|metadata\.uid|metadata\.etag)/.test(r.key))).toBe(
      false,
    );
    expect(rows).toHaveLength(new Set(pairs).size);
  });

  it('builds the default full-text haystack from name, title and description', () => {
    expect(buildFullText(entity)).toBe(`petstore\npet store\n${'x'.repeat(300)}`);
  });
});

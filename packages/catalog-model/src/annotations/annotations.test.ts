import { describe, expect, it } from 'vitest';
import * as backstage from '@backstage/catalog-model';
import * as ours from './annotations';

describe('annotation constants', () => {
  it('match the keys Backstage exports', () => {
    const shared = Object.keys(backstage).filter(key => key.startsWith('ANNOTATION_'));
    expect(shared.length).toBeGreaterThanOrEqual(8);
    for (const key of shared) {
      expect((ours as Record<string, unknown>)[key], key).toBe(
        (backstage as Record<string, unknown>)[key],
      );
    }
  });

  it('include the well-known keys Backstage keeps elsewhere', () => {
    expect(ours.ANNOTATION_ORPHAN).toBe('backstage.io/orphan');
    expect(ours.ANNOTATION_TECHDOCS_REF).toBe('backstage.io/techdocs-ref');
    expect(ours.ANNOTATION_TECHDOCS_ENTITY).toBe('backstage.io/techdocs-entity');
  });
});

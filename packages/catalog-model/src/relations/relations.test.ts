import { describe, expect, it } from 'vitest';
import * as backstage from '@backstage/catalog-model';
import * as ours from './relations';
import { RELATION_PAIRS, reverseRelation } from './relations';

describe('relations', () => {
  it('uses the same strings as Backstage for every constant', () => {
    const names = Object.keys(ours).filter(
      key => key.startsWith('RELATION_') && key !== 'RELATION_PAIRS',
    );
    expect(names).toHaveLength(14);
    for (const name of names) {
      expect((ours as Record<string, unknown>)[name], name).toBe(
        (backstage as Record<string, unknown>)[name],
      );
    }
  });

  it('reverses every pair in both directions', () => {
    for (const [forward, reverse] of RELATION_PAIRS) {
      expect(reverseRelation(forward)).toBe(reverse);
      expect(reverseRelation(reverse)).toBe(forward);
    }
    expect(reverseRelation('ownedBy')).toBe('ownerOf');
    expect(reverseRelation('hasMember')).toBe('memberOf');
  });

  it('has no reverse for an unknown type', () => {
    expect(reverseRelation('likes')).toBeUndefined();
    expect(reverseRelation('OwnedBy')).toBeUndefined();
  });
});

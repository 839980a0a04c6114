import { describe, expect, it } from 'vitest';
import { createGraphFilter, RELATION_FILTER_OPTIONS } from './graphFilter';

describe('createGraphFilter', () => {
  it('lets everything through when nothing is selected', () => {
    const filter = createGraphFilter({ kinds: [], relations: [] });
    expect(filter.includesKind('Component')).toBe(true);
    expect(filter.followsRelation('ownerOf')).toBe(true);
    expect(filter.followsRelation('somethingCustom')).toBe(true);
  });

  it('matches kinds case-insensitively', () => {
    const filter = createGraphFilter({ kinds: ['Component', 'api'], relations: [] });
    expect(filter.includesKind('component')).toBe(true);
    expect(filter.includesKind('API')).toBe(true);
    expect(filter.includesKind('Group')).toBe(false);
  });

  it('follows a selected relation and its reverse, nothing else', () => {
    const filter = createGraphFilter({ kinds: [], relations: ['memberOf'] });
    expect(filter.followsRelation('memberOf')).toBe(true);
    expect(filter.followsRelation('hasMember')).toBe(true);
    expect(filter.followsRelation('ownedBy')).toBe(false);
  });

  it('offers the forward type of each built-in pair', () => {
    expect(RELATION_FILTER_OPTIONS).toEqual([
      'ownedBy',
      'partOf',
      'consumesApi',
      'providesApi',
      'dependsOn',
      'parentOf',
      'memberOf',
    ]);
  });
});

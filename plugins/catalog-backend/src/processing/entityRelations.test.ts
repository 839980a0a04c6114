import type { Entity } from '@greenroom/catalog-model';
import { describe, expect, it } from 'vitest';
import { entityRelations } from './entityRelations';

const entity = (kind: string, spec: Record<string, unknown>, namespace?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name: 'x', namespace },
  spec,
});

describe('entityRelations', () => {
  it('emits spec relations in both directions with default kinds and the entity namespace', () => {
    const relations = entityRelations(
      entity(
        'Component',
        { owner: 'team-a', system: 'user:sys', dependsOn: ['resource:db'] },
        'ns',
      ),
    );
    expect(relations).toEqual([
      { source: 'component:ns/x', type: 'ownedBy', target: 'group:ns/team-a' },
      { source: 'group:ns/team-a', type: 'ownerOf', target: 'component:ns/x' },
      { source: 'component:ns/x', type: 'partOf', target: 'user:ns/sys' },
      { source: 'user:ns/sys', type: 'hasPart', target: 'component:ns/x' },
      { source: 'component:ns/x', type: 'dependsOn', target: 'resource:ns/db' },
      { source: 'resource:ns/db', type: 'dependencyOf', target: 'component:ns/x' },
    ]);
  });

  it('covers group parent, children and members, and user memberOf', () => {
    const group = entityRelations(
      entity('Group', { parent: 'p', children: ['c'], members: ['u'] }),
    );
    expect(group.filter(r => r.source === 'group:default/x').map(r => [r.type, r.target])).toEqual([
      ['childOf', 'group:default/p'],
      ['parentOf', 'group:default/c'],
      ['hasMember', 'user:default/u'],
    ]);
    expect(entityRelations(entity('User', { memberOf: ['g'] }))[1]).toEqual({
      source: 'group:default/g',
      type: 'hasMember',
      target: 'user:default/x',
    });
  });

  it('refuses a ref without a kind where the field has no default, naming only the field', () => {
    expect(() => entityRelations(entity('Component', { dependsOn: ['db'] }))).toThrow(
      'spec.dependsOn holds an invalid entity reference',
    );
  });

  it('emits nothing for kinds it does not know', () => {
    expect(entityRelations(entity('Environment', { owner: 'team-a' }))).toEqual([]);
  });
});

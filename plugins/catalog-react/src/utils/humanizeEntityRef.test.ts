import { describe, expect, it } from 'vitest';
import { entityRouteParams } from '../routing/entityRouteParams';
import { entityDisplayName, humanizeEntityRef } from './humanizeEntityRef';

describe('humanizeEntityRef', () => {
  it('drops the default namespace and the default kind', () => {
    expect(humanizeEntityRef('component:default/foo')).toBe('component:foo');
    expect(humanizeEntityRef('component:default/foo', { defaultKind: 'Component' })).toBe('foo');
    expect(humanizeEntityRef('Group:ops/team-a', { defaultKind: 'group' })).toBe('ops/team-a');
    expect(
      humanizeEntityRef(
        { kind: 'API', metadata: { name: 'x', namespace: 'a' }, apiVersion: 'v' },
        {
          defaultNamespace: 'a',
        },
      ),
    ).toBe('api:x');
  });

  it('throws for a ref without a kind', () => {
    expect(() => humanizeEntityRef('foo')).toThrow(/missing or empty kind/);
  });

  it('prefers a display name, then a title', () => {
    const user = {
      apiVersion: 'v',
      kind: 'User',
      metadata: { name: 'jdoe', title: 'J' },
      spec: { profile: { displayName: 'Jane Doe' } },
    };
    expect(entityDisplayName(user)).toBe('Jane Doe');
    expect(entityDisplayName({ ...user, spec: {} })).toBe('J');
    expect(entityDisplayName({ ...user, metadata: { name: 'jdoe' }, spec: {} })).toBe('user:jdoe');
  });
});

describe('entityRouteParams', () => {
  it('lowercases kind and namespace and keeps the name', () => {
    expect(entityRouteParams('Component:Prod/MyService')).toEqual({
      kind: 'component',
      namespace: 'prod',
      name: 'MyService',
    });
    expect(entityRouteParams({ apiVersion: 'v', kind: 'API', metadata: { name: 'Pets' } })).toEqual(
      { kind: 'api', namespace: 'default', name: 'Pets' },
    );
  });
});

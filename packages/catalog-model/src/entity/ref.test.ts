import { describe, expect, it } from 'vitest';
import * as backstage from '@backstage/catalog-model';
import type { Entity } from './Entity';
import { DEFAULT_NAMESPACE } from './Entity';
import { getCompoundEntityRef, parseEntityRef, stringifyEntityRef } from './ref';
import type { EntityRefInput, ParseEntityRefContext } from './ref';

function both(ref: EntityRefInput, context?: ParseEntityRefContext) {
  const run = (parse: typeof parseEntityRef) => {
    try {
      return { value: parse(ref, context) };
    } catch (error) {
      return { error: `${(error as Error).name}: ${(error as Error).message}` };
    }
  };
  return {
    ours: run(parseEntityRef),
    theirs: run(backstage.parseEntityRef as typeof parseEntityRef),
  };
}

describe('parseEntityRef', () => {
  it('parses the full form and keeps case', () => {
    expect(parseEntityRef('Component:My-Ns/Svc')).toEqual({
      kind: 'Component',
      namespace: 'My-Ns',
      name: 'Svc',
    });
  });

  it('defaults the namespace to "default"', () => {
    expect(DEFAULT_NAMESPACE).toBe('default');
    expect(parseEntityRef('component:svc')).toEqual({
      kind: 'component',
      namespace: 'default',
      name: 'svc',
    });
  });

  it('uses defaultKind and defaultNamespace only for missing parts', () => {
    const context = { defaultKind: 'Group', defaultNamespace: 'org' };
    expect(parseEntityRef('team-a', context)).toEqual({
      kind: 'Group',
      namespace: 'org',
      name: 'team-a',
    });
    expect(parseEntityRef('user:team-a', context)).toEqual({
      kind: 'user',
      namespace: 'org',
      name: 'team-a',
    });
    expect(parseEntityRef('other/team-a', context)).toEqual({
      kind: 'Group',
      namespace: 'other',
      name: 'team-a',
    });
  });

  it('throws on a missing kind without defaultKind', () => {
    expect(() => parseEntityRef('svc')).toThrow(/had missing or empty kind/);
    expect(() => parseEntityRef('ns/svc')).toThrow(/had missing or empty kind/);
    expect(() => parseEntityRef({ name: 'svc' })).toThrow(/had missing or empty kind/);
  });

  it('throws a TypeError on empty parts', () => {
    for (const ref of [':svc', 'component:/svc', 'component:ns/', 'component:', '/svc']) {
      expect(() => parseEntityRef(ref, { defaultKind: 'x' }), ref).toThrow(TypeError);
    }
  });

  it('throws on empty input', () => {
    expect(() => parseEntityRef('')).toThrow('Entity reference must not be empty');
  });

  it('treats a colon after the first slash as part of the name', () => {
    expect(parseEntityRef('ns/a:b', { defaultKind: 'k' })).toEqual({
      kind: 'k',
      namespace: 'ns',
      name: 'a:b',
    });
  });

  it('keeps extra colons and slashes in the name', () => {
    expect(parseEntityRef('a:b:c')).toEqual({ kind: 'a', namespace: 'default', name: 'b:c' });
    expect(parseEntityRef('k:a/b/c')).toEqual({ kind: 'k', namespace: 'a', name: 'b/c' });
  });

  it('does not validate characters (validation belongs to validateEntity)', () => {
    expect(parseEntityRef('k:n s/na me!')).toEqual({ kind: 'k', namespace: 'n s', name: 'na me!' });
  });

  it('fills in the compound form and rejects an empty name', () => {
    expect(parseEntityRef({ kind: 'API', name: 'a' })).toEqual({
      kind: 'API',
      namespace: 'default',
      name: 'a',
    });
    expect(() => parseEntityRef({ kind: 'API', name: '' })).toThrow(/had missing or empty name/);
    expect(() => parseEntityRef({ kind: 'API', namespace: '', name: 'a' })).toThrow(
      /missing or empty namespace/,
    );
  });

  it('behaves exactly like Backstage, errors included', () => {
    const cases: Array<[EntityRefInput, ParseEntityRefContext?]> = [
      ['component:default/svc'],
      ['svc'],
      ['svc', { defaultKind: 'Group' }],
      ['ns/svc', { defaultKind: 'Group', defaultNamespace: 'x' }],
      ['a:b:c'],
      ['a/b/c', { defaultKind: 'k' }],
      ['a/b:c', { defaultKind: 'k' }],
      ['a:b/c:d/e'],
      [':x'],
      ['k:/x'],
      ['k:ns/'],
      ['k:'],
      [''],
      [{ kind: 'K', name: 'n' }],
      [{ name: 'n' }, { defaultKind: 'User', defaultNamespace: '' }],
      [{ kind: 'K', namespace: '', name: 'n' }],
      [{ kind: '', name: 'n' }],
    ];
    for (const [ref, context] of cases) {
      const { ours, theirs } = both(ref, context);
      expect(ours, JSON.stringify(ref)).toEqual(theirs);
    }
  });
});

describe('stringifyEntityRef', () => {
  it('lowercases every part and defaults the namespace', () => {
    expect(stringifyEntityRef({ kind: 'Component', name: 'My-Svc' })).toBe(
      'component:default/my-svc',
    );
    expect(stringifyEntityRef({ kind: 'API', namespace: 'Ns', name: 'A' })).toBe('api:ns/a');
  });

  it('accepts an entity', () => {
    const entity: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'Team-A', namespace: 'Org' },
    };
    expect(stringifyEntityRef(entity)).toBe('group:org/team-a');
    expect(stringifyEntityRef(entity)).toBe(
      backstage.stringifyEntityRef(entity as Parameters<typeof backstage.stringifyEntityRef>[0]),
    );
  });
});

describe('getCompoundEntityRef', () => {
  it('keeps case and fills in the default namespace', () => {
    const entity: Entity = { apiVersion: 'v1', kind: 'Component', metadata: { name: 'Svc' } };
    expect(getCompoundEntityRef(entity)).toEqual({
      kind: 'Component',
      namespace: 'default',
      name: 'Svc',
    });
    expect(
      getCompoundEntityRef({ ...entity, metadata: { name: 'Svc', namespace: '' } }).namespace,
    ).toBe('default');
  });
});

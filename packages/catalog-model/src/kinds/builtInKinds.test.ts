import { describe, expect, it } from 'vitest';
import { validateEntity } from '../validation/validateEntity';
import { BUILT_IN_KINDS, findBuiltInKind } from './builtInKinds';
import type { ComponentEntity, GroupEntity, TemplateEntity } from './types';

describe('findBuiltInKind', () => {
  it('knows the nine built-in kinds', () => {
    expect(BUILT_IN_KINDS.map(k => k.kind).sort()).toEqual(
      [
        'API',
        'Component',
        'Domain',
        'Group',
        'Location',
        'Resource',
        'System',
        'Template',
        'User',
      ].sort(),
    );
  });

  it('matches kind and apiVersion exactly', () => {
    expect(findBuiltInKind({ kind: 'Component', apiVersion: 'backstage.io/v1beta1' })?.kind).toBe(
      'Component',
    );
    expect(
      findBuiltInKind({ kind: 'Template', apiVersion: 'scaffolder.backstage.io/v1beta3' })?.kind,
    ).toBe('Template');
    expect(
      findBuiltInKind({ kind: 'component', apiVersion: 'backstage.io/v1alpha1' }),
    ).toBeUndefined();
    expect(
      findBuiltInKind({ kind: 'Template', apiVersion: 'backstage.io/v1alpha1' }),
    ).toBeUndefined();
    expect(
      findBuiltInKind({ kind: 'Environment', apiVersion: 'backstage.io/v1alpha1' }),
    ).toBeUndefined();
  });
});

describe('kind types', () => {
  it('describe entities the validator accepts', () => {
    const component: ComponentEntity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'svc', tags: ['java'] },
      spec: {
        type: 'service',
        lifecycle: 'production',
        owner: 'team-a',
        providesApis: ['svc-api'],
      },
    };
    const group: GroupEntity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'team-a' },
      spec: { type: 'team', children: [], profile: { displayName: 'Team A' } },
    };
    const template: TemplateEntity = {
      apiVersion: 'scaffolder.backstage.io/v1beta3',
      kind: 'Template',
      metadata: { name: 'tpl' },
      spec: { type: 'service', parameters: [{ title: 'Page' }], steps: [{ action: 'debug:log' }] },
    };
    for (const entity of [component, group, template]) {
      expect(validateEntity(entity)).toEqual({ valid: true });
    }
  });
});

import type { Entity } from '@greenroom/catalog-model';
import { describe, expect, it } from 'vitest';
import { projectEntity } from './presenters';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'a', annotations: { x: '1', y: '2' }, tags: ['t'] },
  spec: { type: 'service', owner: 'team' },
};

describe('projectEntity', () => {
  it('keeps only the named subtrees and skips missing paths', () => {
    expect(
      projectEntity(entity, [
        'kind',
        'metadata.annotations.x',
        'metadata.tags',
        'spec.nothing',
        'relations',
      ]),
    ).toEqual({ kind: 'Component', metadata: { annotations: { x: '1' }, tags: ['t'] } });
    expect(projectEntity(entity, undefined)).toBe(entity);
  });
});

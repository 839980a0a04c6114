import { describe, expect, it } from 'vitest';
import { parseEntityRef, stringifyEntityRef, validateEntity } from './index';

// Runs in the jsdom project: the package must work where there is no Node API.
describe('@greenroom/catalog-model in a browser environment', () => {
  it('validates entities and parses refs', () => {
    expect(typeof window).toBe('object');
    const result = validateEntity({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'svc', links: [{ url: 'https://example.com' }] },
      spec: { type: 'service', lifecycle: 'production' },
    });
    expect(result).toEqual({
      valid: false,
      errors: [{ path: 'spec.owner', message: 'is required' }],
    });
    expect(stringifyEntityRef(parseEntityRef('team-a', { defaultKind: 'Group' }))).toBe(
      'group:default/team-a',
    );
  });
});

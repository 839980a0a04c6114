import { ConfigReader } from '@greenroom/config';
import { describe, expect, it } from 'vitest';
import { isKindAllowed, readProcessingConfig } from './config';
import { resolveTarget, sourceLocation } from './locationKeys';

describe('readProcessingConfig', () => {
  it("applies Backstage's defaults", () => {
    expect(readProcessingConfig(new ConfigReader({}))).toEqual({
      locations: [],
      rules: [{ allow: ['Component', 'API', 'Location'] }],
      processingInterval: { seconds: 100 },
      orphanStrategy: 'delete',
    });
  });

  it('refuses unknown location types', () => {
    const config = new ConfigReader({ catalog: { locations: [{ type: 'github', target: 'x' }] } });
    expect(() => readProcessingConfig(config)).toThrow(/unsupported type 'github'/);
  });
});

describe('isKindAllowed', () => {
  const at = { type: 'file', target: '/a.yaml' };
  it('matches kinds case-insensitively and honours location matchers', () => {
    expect(isKindAllowed([{ allow: ['Group'] }], 'group', at)).toBe(true);
    expect(isKindAllowed([{ allow: ['Group'] }], 'User', at)).toBe(false);
    const scoped = [{ allow: ['User'], locations: [{ type: 'file', exact: '/b.yaml' }] }];
    expect(isKindAllowed(scoped, 'User', at)).toBe(false);
    expect(isKindAllowed(scoped, 'User', { type: 'file', target: '/b.yaml' })).toBe(true);
    expect(isKindAllowed([], 'Component', at)).toBe(false);
  });
});

describe('resolveTarget', () => {
  it('resolves relative to the parent file or URL', () => {
    expect(resolveTarget(sourceLocation('file', '/x/y/all.yaml'), '../z.yaml').key).toBe(
      'file:/x/z.yaml',
    );
    expect(resolveTarget(sourceLocation('url', 'https://h/a/b.yaml'), './c.yaml').key).toBe(
      'url:https://h/a/c.yaml',
    );
    expect(
      resolveTarget(sourceLocation('file', '/x/all.yaml'), 'https://h/c.yaml', 'url').key,
    ).toBe('url:https://h/c.yaml');
  });

  it('refuses non-http URLs and unknown types', () => {
    const parent = sourceLocation('file', '/x/all.yaml');
    expect(() => resolveTarget(parent, 'ftp://h/c.yaml', 'url')).toThrow(/protocol/);
    expect(() => resolveTarget(parent, './c.yaml', 'github')).toThrow(/Unsupported location type/);
  });
});

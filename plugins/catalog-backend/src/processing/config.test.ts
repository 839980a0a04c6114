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
      processingBatchSize: 250,
    });
  });

  it('refuses a batch size that is not a positive integer', () => {
    for (const processingBatchSize of [0, -5, 2.5]) {
      const config = new ConfigReader({ catalog: { processingBatchSize } });
      expect(() => readProcessingConfig(config)).toThrow(/processingBatchSize/);
    }
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

  it('matches location patterns as globs (**, *, ?, {a,b}, [..])', () => {
    const rule = (pattern: string) => [
      { allow: ['Group'], locations: [{ type: 'file', pattern }] },
    ];
    const allowed = (pattern: string, target: string) =>
      isKindAllowed(rule(pattern), 'Group', { type: 'file', target });
    expect(allowed('/org/**/*.yaml', '/org/a/b/teams.yaml')).toBe(true);
    expect(allowed('/org/**/*.yaml', '/org/teams.yaml')).toBe(true);
    expect(allowed('/org/**/*.yaml', '/other/teams.yaml')).toBe(false);
    expect(allowed('/org/*.yaml', '/org/a/teams.yaml')).toBe(false);
    expect(allowed('/org/team-?.{yaml,yml}', '/org/team-1.yml')).toBe(true);
    expect(allowed('/org/team-?.{yaml,yml}', '/org/team-12.yml')).toBe(false);
    expect(allowed('/org/[ab].yaml', '/org/b.yaml')).toBe(true);
    expect(allowed('/org/[!ab].yaml', '/org/b.yaml')).toBe(false);
    // Dots and other regexp characters are literal.
    expect(allowed('/org/a.yaml', '/org/aXyaml')).toBe(false);
    expect(
      isKindAllowed(rule('https://github.com/acme/**'), 'Group', {
        type: 'url',
        target: 'https://github.com/acme/x.yaml',
      }),
    ).toBe(false);
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

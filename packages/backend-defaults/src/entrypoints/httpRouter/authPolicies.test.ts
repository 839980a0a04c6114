import type { HttpRouterServiceAuthPolicy } from '@greenroom/backend-plugin-api';
import { describe, expect, it } from 'vitest';
import { matchAuthPolicy, validateAuthPolicy } from './authPolicies';

describe('matchAuthPolicy', () => {
  const policies: HttpRouterServiceAuthPolicy[] = [
    { path: '/static', allow: 'unauthenticated' },
    { path: '/docs/:namespace/assets', allow: 'unauthenticated' },
    { path: '/docs', allow: 'user-cookie' },
  ];

  it.each([
    ['/static', 'unauthenticated'],
    ['/static/', 'unauthenticated'],
    ['/static/js/main.js', 'unauthenticated'],
    ['/STATIC/x', 'unauthenticated'],
    ['/docs/default/assets/logo.png', 'unauthenticated'],
    ['/docs/default/component/x', 'user-cookie'],
    ['/docs', 'user-cookie'],
    ['/statics', undefined],
    ['/entities', undefined],
    ['/', undefined],
    ['', undefined],
    ['/api/static', undefined],
  ])('%j → %s', (path, expected) => {
    expect(matchAuthPolicy(policies, path)).toBe(expected);
  });

  it('treats / and * as matching every path', () => {
    expect(matchAuthPolicy([{ path: '/', allow: 'user-cookie' }], '/a/b')).toBe('user-cookie');
    expect(matchAuthPolicy([{ path: '*', allow: 'unauthenticated' }], '/')).toBe('unauthenticated');
  });

  it('lets unauthenticated win whatever the order', () => {
    expect(
      matchAuthPolicy(
        [
          { path: '/', allow: 'user-cookie' },
          { path: '/public', allow: 'unauthenticated' },
        ],
        '/public/x',
      ),
    ).toBe('unauthenticated');
  });

  it('matches nothing without policies', () => {
    expect(matchAuthPolicy([], '/anything')).toBeUndefined();
  });
});

describe('validateAuthPolicy', () => {
  it('accepts the two allow values', () => {
    expect(validateAuthPolicy({ path: '/x', allow: 'user-cookie' })).toEqual({
      path: '/x',
      allow: 'user-cookie',
    });
  });

  it.each([
    [{ path: '/x', allow: 'everyone' }],
    [{ path: '/x', allow: 'authenticated' }],
    [{ path: '/x' }],
    [{ path: 'x', allow: 'unauthenticated' }],
    [{ allow: 'unauthenticated' }],
    [null],
    ['/x'],
  ])('refuses %j', policy => {
    expect(() => validateAuthPolicy(policy)).toThrow(/^Invalid auth policy/);
  });
});

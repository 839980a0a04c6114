import { describe, expect, it } from 'vitest';
import { parseRequestPath } from './parseRequestPath';

describe('parseRequestPath', () => {
  it('recognises the page itself', () => {
    expect(parseRequestPath('/')).toEqual({ path: '/', isIndex: true, isAsset: false });
    expect(parseRequestPath('/index.html')).toMatchObject({ isIndex: true });
    expect(parseRequestPath('/nested/index.html')).toMatchObject({ isIndex: false, isAsset: true });
  });

  it('treats client routes as pages, including dotted entity names', () => {
    expect(parseRequestPath('/catalog/default/component/x')).toEqual({
      path: '/catalog/default/component/x',
      isIndex: false,
      isAsset: false,
    });
    expect(parseRequestPath('/catalog/default/component/my.service')).toMatchObject({
      isAsset: false,
    });
    expect(parseRequestPath('/settings')).toMatchObject({ isAsset: false });
  });

  it('treats anything under assets/ and files with web extensions as assets', () => {
    expect(parseRequestPath('/assets/index-abc.js')).toMatchObject({ isAsset: true });
    expect(parseRequestPath('/assets/no-extension')).toMatchObject({ isAsset: true });
    expect(parseRequestPath('/assets')).toMatchObject({ isAsset: true });
    expect(parseRequestPath('/ASSETS/x')).toMatchObject({ isAsset: true });
    expect(parseRequestPath('/favicon.ico')).toMatchObject({ isAsset: true });
    expect(parseRequestPath('/some/page/chunk.JS')).toMatchObject({ isAsset: true });
  });

  it('decodes the path once', () => {
    expect(parseRequestPath('/catalog/a%20b')).toMatchObject({ path: '/catalog/a b' });
    expect(parseRequestPath('/assets%2Fx.js')).toMatchObject({
      path: '/assets/x.js',
      isAsset: true,
    });
  });

  it.each([
    '/..',
    '/../etc/passwd',
    '/assets/../../secret.txt',
    '/..%2f..%2fsecret.txt',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/assets/..%5c..%5csecret.txt',
    '/.env',
    '/assets/.hidden.js',
    '/.git/config',
    '/./index.html',
  ])('rejects %s as not found', path => {
    expect(() => parseRequestPath(path)).toThrow(
      expect.objectContaining({ name: 'NotFoundError' }),
    );
  });

  it.each(['/%E0%A4%A', '/%', '/assets/%00.js', '/a%00b'])('rejects %s as malformed', path => {
    expect(() => parseRequestPath(path)).toThrow(expect.objectContaining({ name: 'InputError' }));
  });
});

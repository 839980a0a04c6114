import { describe, expect, it } from 'vitest';
import { parseLocationInput } from './parseLocationInput';

describe('parseLocationInput', () => {
  it('accepts http(s) URLs as url locations, trimmed', () => {
    expect(parseLocationInput('  https://git.example.com/shop/catalog-info.yaml \n')).toEqual({
      ok: true,
      location: { type: 'url', target: 'https://git.example.com/shop/catalog-info.yaml' },
    });
    expect(parseLocationInput('http://127.0.0.1:8080/repo')).toEqual({
      ok: true,
      location: { type: 'url', target: 'http://127.0.0.1:8080/repo' },
    });
  });

  it('accepts absolute paths and file:// URLs as file locations', () => {
    expect(parseLocationInput('/srv/catalog/shop.yaml')).toEqual({
      ok: true,
      location: { type: 'file', target: '/srv/catalog/shop.yaml' },
    });
    expect(parseLocationInput('file:///srv/catalog/my%20shop.yaml')).toEqual({
      ok: true,
      location: { type: 'file', target: '/srv/catalog/my shop.yaml' },
    });
  });

  it('refuses empty input', () => {
    expect(parseLocationInput('')).toEqual({ ok: false, reason: 'empty' });
    expect(parseLocationInput('   ')).toEqual({ ok: false, reason: 'empty' });
  });

  it('refuses what is neither a URL nor an absolute path', () => {
    for (const input of [
      'catalog-info.yaml',
      './catalog-info.yaml',
      '../up/catalog-info.yaml',
      'github.com/acme/shop',
      'https://',
      'http://exa mple.com/x',
      '//example.com/catalog-info.yaml',
      'file://server/share/x.yaml',
      'C:\\catalog\\x.yaml',
    ]) {
      expect(parseLocationInput(input), input).toEqual({ ok: false, reason: 'notUrlOrPath' });
    }
  });

  it('names the scheme of URLs the catalog cannot read', () => {
    expect(parseLocationInput('ftp://example.com/catalog-info.yaml')).toEqual({
      ok: false,
      reason: 'unsupportedProtocol',
      protocol: 'ftp',
    });
    expect(parseLocationInput('git@github.com:acme/shop.git')).toEqual({
      ok: false,
      reason: 'notUrlOrPath',
    });
    expect(parseLocationInput('javascript:alert(1)')).toEqual({
      ok: false,
      reason: 'unsupportedProtocol',
      protocol: 'javascript',
    });
  });
});

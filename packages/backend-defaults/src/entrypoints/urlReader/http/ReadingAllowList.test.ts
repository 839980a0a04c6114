import { ConfigReader } from '@greenroom/config';
import type { JsonValue } from '@greenroom/config';
import { NotAllowedError } from '@greenroom/errors';
import { describe, expect, it } from 'vitest';
import { ReadingAllowList } from './ReadingAllowList';

const fromAllow = (allow: JsonValue) =>
  ReadingAllowList.fromConfig(new ConfigReader({ backend: { reading: { allow } } }));
const allowed = (list: ReadingAllowList, url: string) => list.isAllowed(new URL(url));

describe('ReadingAllowList', () => {
  it('allows nothing without config', () => {
    const list = ReadingAllowList.fromConfig(new ConfigReader({}));
    expect(allowed(list, 'https://example.com/x')).toBe(false);
    expect(allowed(list, 'http://127.0.0.1/x')).toBe(false);
  });

  it('matches an exact host, and not its subdomains or look-alikes', () => {
    const list = fromAllow([{ host: 'example.com' }]);
    expect(allowed(list, 'https://example.com/any/path')).toBe(true);
    expect(allowed(list, 'http://EXAMPLE.com/')).toBe(true);
    expect(allowed(list, 'https://sub.example.com/')).toBe(false);
    expect(allowed(list, 'https://example.com.evil.net/')).toBe(false);
    expect(allowed(list, 'https://notexample.com/')).toBe(false);
  });

  it('matches subdomains at any depth with *., but not the apex', () => {
    const list = fromAllow([{ host: '*.Example.com' }]);
    expect(allowed(list, 'https://a.example.com/')).toBe(true);
    expect(allowed(list, 'https://a.b.example.com/')).toBe(true);
    expect(allowed(list, 'https://example.com/')).toBe(false);
    expect(allowed(list, 'https://evil-example.com/')).toBe(false);
    expect(allowed(list, 'https://a.example.com.evil.net/')).toBe(false);
  });

  it('treats a host without port as the default port only, and host:port as that port', () => {
    const plain = fromAllow([{ host: 'example.com' }]);
    expect(allowed(plain, 'https://example.com:8443/')).toBe(false);
    expect(allowed(plain, 'https://example.com:443/')).toBe(true);
    const withPort = fromAllow([
      { host: 'example.com:8080' },
      { host: '*.internal:9000' },
      { host: 'tls.example:443' },
    ]);
    expect(allowed(withPort, 'http://example.com:8080/')).toBe(true);
    expect(allowed(withPort, 'http://example.com/')).toBe(false);
    expect(allowed(withPort, 'http://example.com:8081/')).toBe(false);
    expect(allowed(withPort, 'http://svc.internal:9000/')).toBe(true);
    expect(allowed(withPort, 'http://svc.internal/')).toBe(false);
    expect(allowed(withPort, 'https://tls.example/')).toBe(true);
    expect(allowed(withPort, 'http://tls.example/')).toBe(false);
  });

  it('matches IP addresses, including IPv6 in brackets', () => {
    const list = fromAllow([{ host: '127.0.0.1:7007' }, { host: '[::1]:7007' }]);
    expect(allowed(list, 'http://127.0.0.1:7007/')).toBe(true);
    expect(allowed(list, 'http://[::1]:7007/')).toBe(true);
    expect(allowed(list, 'http://127.0.0.2:7007/')).toBe(false);
  });

  it('restricts to path prefixes on segment boundaries', () => {
    const list = fromAllow([{ host: 'example.com', paths: ['/docs', '/org/team/'] }]);
    expect(allowed(list, 'https://example.com/docs')).toBe(true);
    expect(allowed(list, 'https://example.com/docs/a/b.yaml')).toBe(true);
    expect(allowed(list, 'https://example.com/org/team/x')).toBe(true);
    expect(allowed(list, 'https://example.com/docsecret')).toBe(false);
    expect(allowed(list, 'https://example.com/org/teammate')).toBe(false);
    expect(allowed(list, 'https://example.com/')).toBe(false);
  });

  it('does not let encoded or dotted paths escape a prefix', () => {
    const list = fromAllow([{ host: 'example.com', paths: ['/docs/'] }]);
    expect(allowed(list, 'https://example.com/docs/../secret')).toBe(false);
    expect(allowed(list, 'https://example.com/docs/..%2Fsecret')).toBe(false);
    expect(allowed(list, 'https://example.com/docs/%2e%2e/secret')).toBe(false);
    expect(allowed(list, 'https://example.com/docs/..%5Csecret')).toBe(false);
    expect(allowed(list, 'https://example.com/docs/%E0%A4%A')).toBe(false);
    expect(allowed(list, 'https://example.com/docs/a%20b.yaml')).toBe(true);
  });

  it('only ever allows http and https', () => {
    const list = fromAllow([{ host: 'example.com' }]);
    expect(allowed(list, 'ftp://example.com/')).toBe(false);
    expect(allowed(list, 'ws://example.com/')).toBe(false);
  });

  it('refuses with the documented message, without credentials or secret query values', () => {
    const list = fromAllow([{ host: 'example.com' }]);
    const refuse = () =>
      list.assertAllowed(
        new URL('https://bob:hunter2@other.com/x.yaml?private_token=abc123&ref=main'),
      );
    expect(refuse).toThrow(NotAllowedError);
    expect(refuse).toThrow(
      "Reading from 'https://other.com/x.yaml?private_token=***&ref=main' is not allowed. Add its host to backend.reading.allow",
    );
    expect(() => list.assertAllowed(new URL('https://example.com/x'))).not.toThrow();
  });

  it('fails at startup on malformed entries, naming the entry', () => {
    expect(() => fromAllow([{ paths: ['/x'] }])).toThrow(/backend.reading.allow\[0\].host/);
    expect(() => fromAllow([{ host: 'ok.com' }, { host: 'https://bad.com' }])).toThrow(
      /Invalid host 'https:\/\/bad.com' in backend.reading.allow\[1\]/,
    );
    expect(() => fromAllow([{ host: '*' }])).toThrow(/Invalid host/);
    expect(() => fromAllow([{ host: 'a.*.com' }])).toThrow(/Invalid host/);
    expect(() => fromAllow([{ host: 'user@host.com' }])).toThrow(/Invalid host/);
    expect(() => fromAllow([{ host: 'host.com:99999' }])).toThrow(/Invalid port/);
    expect(() => fromAllow([{ host: 'host.com', paths: ['docs/'] }])).toThrow(
      /must start with '\/'/,
    );
    expect(() => fromAllow({ host: 'x.com' })).toThrow(/backend.reading.allow/);
  });
});

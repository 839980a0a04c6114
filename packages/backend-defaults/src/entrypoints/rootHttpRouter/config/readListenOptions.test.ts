import { ConfigReader } from '@greenroom/config';
import type { JsonValue } from '@greenroom/config';
import { describe, expect, it } from 'vitest';
import { readListenOptions } from './readListenOptions';

const read = (listen?: JsonValue) =>
  readListenOptions(new ConfigReader(listen === undefined ? {} : { backend: { listen } }));

describe('readListenOptions', () => {
  it('defaults to port 7007 on every interface', () => {
    expect(read()).toEqual({ host: '', port: 7007 });
  });

  it.each([
    ['8080', { host: '', port: 8080 }],
    ['0', { host: '', port: 0 }],
    ['127.0.0.1:7007', { host: '127.0.0.1', port: 7007 }],
    ['localhost:3000', { host: 'localhost', port: 3000 }],
    [':9000', { host: '', port: 9000 }],
    ['[::1]:7007', { host: '::1', port: 7007 }],
    ['[::]:7007', { host: '::', port: 7007 }],
  ])('parses the string %j', (listen, expected) => {
    expect(read(listen)).toEqual(expected);
  });

  it('reads the object form, with a port given as number or numeric string', () => {
    expect(read({ host: '0.0.0.0', port: 7008 })).toEqual({ host: '0.0.0.0', port: 7008 });
    expect(read({ port: '7009' })).toEqual({ host: '', port: 7009 });
    expect(read({ host: '::1' })).toEqual({ host: '::1', port: 7007 });
    expect(read(7010)).toEqual({ host: '', port: 7010 });
  });

  it.each(['localhost', 'abc:def', '::1:7007', 'host:70000', 'host:', '', '-1', '7007.5'])(
    'refuses %j',
    listen => {
      expect(() => read(listen)).toThrow('Unable to parse listen address');
    },
  );

  it('refuses malformed objects and other types', () => {
    expect(() => read({ port: 'seven' })).toThrow('Unable to parse listen address');
    expect(() => read({ host: 7, port: 7007 })).toThrow('Unable to parse listen address');
    expect(() => read({ port: 65536 })).toThrow('Unable to parse listen address');
    expect(() => read(['7007'])).toThrow('Unable to parse listen address');
    expect(() => read(true)).toThrow('Unable to parse listen address');
  });
});

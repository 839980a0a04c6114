import { describe, expect, it } from 'vitest';
import { readEnvOverrides } from './readEnvOverrides';

describe('readEnvOverrides', () => {
  it('turns APP_CONFIG_ names into nested, case-sensitive paths, one layer per variable', () => {
    expect(
      readEnvOverrides({
        APP_CONFIG_app_baseUrl: 'https://portal.example.com',
        APP_CONFIG_backend_listen_port: '7008',
        PATH: '/usr/bin',
        app_config_ignored: '1',
      }),
    ).toEqual([
      {
        context: 'APP_CONFIG_app_baseUrl',
        data: { app: { baseUrl: 'https://portal.example.com' } },
      },
      { context: 'APP_CONFIG_backend_listen_port', data: { backend: { listen: { port: 7008 } } } },
    ]);
  });

  it('parses JSON values and keeps anything else as a string', () => {
    const values = readEnvOverrides({
      APP_CONFIG_a_bool: 'false',
      APP_CONFIG_a_str: '"false"',
      APP_CONFIG_a_obj: '{"x": [1, "y"]}',
      APP_CONFIG_a_raw: 'not json {',
      'APP_CONFIG_a-b_c': 'dash',
    }).map(layer => layer.data);
    expect(values).toEqual([
      { 'a-b': { c: 'dash' } },
      { a: { bool: false } },
      { a: { obj: { x: [1, 'y'] } } },
      { a: { raw: 'not json {' } },
      { a: { str: 'false' } },
    ]);
  });

  it('skips empty and undefined values', () => {
    expect(readEnvOverrides({ APP_CONFIG_a: '', APP_CONFIG_b: undefined })).toEqual([]);
  });

  it.each([
    'APP_CONFIG_',
    'APP_CONFIG_a__b',
    'APP_CONFIG_1a',
    'APP_CONFIG_a_b.c',
    'APP_CONFIG_a_-b',
  ])('rejects the invalid key %s', name => {
    expect(() => readEnvOverrides({ [name]: '1' })).toThrow(`Invalid env config key '${name}'`);
  });

  it('rejects null', () => {
    expect(() => readEnvOverrides({ APP_CONFIG_a: 'null' })).toThrow(
      'APP_CONFIG_a: null is not allowed',
    );
  });

  it('rejects a variable nesting into a value another variable set', () => {
    expect(() => readEnvOverrides({ APP_CONFIG_a: '1', APP_CONFIG_a_b: '2' })).toThrow(
      "APP_CONFIG_a_b: could not nest config for key 'a.b': 'a' is already set by APP_CONFIG_a",
    );
  });

  it('rejects two variables that set the same key, without showing values', () => {
    const run = () =>
      readEnvOverrides({ APP_CONFIG_a: '{"b": "secret-one"}', APP_CONFIG_a_b: 'secret-two' });
    expect(run).toThrow(
      "APP_CONFIG_a_b: refusing to override existing config at key 'a.b' (also set by APP_CONFIG_a)",
    );
    expect(run).not.toThrow(/secret/);
  });

  it("rejects a key that is also inside another variable's JSON value", () => {
    expect(() => readEnvOverrides({ APP_CONFIG_a_b_c: '1', APP_CONFIG_a_b: '{"c": 2}' })).toThrow(
      "APP_CONFIG_a_b_c: refusing to override existing config at key 'a.b.c' (also set by APP_CONFIG_a_b)",
    );
  });

  it('allows variables that fill different keys of one object', () => {
    const layers = readEnvOverrides({ APP_CONFIG_a: '{"b": 1}', APP_CONFIG_a_c: '2' });
    expect(layers.map(layer => layer.data)).toEqual([{ a: { b: 1 } }, { a: { c: 2 } }]);
  });
});

import { describe, expect, it } from 'vitest';
import type { AppConfig } from '../types';
import { ConfigReader } from './ConfigReader';
import { mergeConfigLayers } from './mergeConfigLayers';

describe('mergeConfigLayers', () => {
  it('deep-merges objects, later layers winning', () => {
    expect(
      mergeConfigLayers([
        { context: 'a', data: { app: { title: 'A', baseUrl: 'http://a' }, x: 1 } },
        { context: 'b', data: { app: { title: 'B' }, y: 2 } },
      ]),
    ).toEqual({ app: { title: 'B', baseUrl: 'http://a' }, x: 1, y: 2 });
  });

  it('replaces arrays and lets a scalar replace an object and the other way round', () => {
    expect(
      mergeConfigLayers([
        { context: 'a', data: { list: [1, 2, 3], obj: { k: 1 }, scalar: 's' } },
        { context: 'b', data: { list: [9], obj: 'now a string', scalar: { k: 2 } } },
      ]),
    ).toEqual({ list: [9], obj: 'now a string', scalar: { k: 2 } });
  });

  it('unsets a key with null so earlier layers do not show through, and later layers can set it again', () => {
    const layers: AppConfig[] = [
      { context: 'a', data: { auth: { providers: { guest: { x: 1 }, github: {} } } } },
      { context: 'b', data: { auth: { providers: { guest: null } } } },
    ];
    expect(mergeConfigLayers(layers)).toEqual({ auth: { providers: { github: {} } } });
    expect(
      mergeConfigLayers([
        ...layers,
        { context: 'c', data: { auth: { providers: { guest: { y: 2 } } } } },
      ]),
    ).toEqual({
      auth: { providers: { github: {}, guest: { y: 2 } } },
    });
  });

  it('does not share arrays or objects with its input', () => {
    const data = { list: [{ a: 1 }] };
    const merged = mergeConfigLayers([{ context: 'a', data }]);
    (merged.list as Array<{ a: number }>)[0].a = 2;
    expect(data.list[0].a).toBe(1);
  });

  it('names the layer that set a key in reader errors', () => {
    const config = ConfigReader.fromConfigs([
      { context: 'app-config.yaml', data: { backend: { listen: { port: 7007 } } } },
      { context: 'app-config.local.yaml', data: { backend: { listen: { port: 'high' } } } },
    ]);
    expect(() => config.getNumber('backend.listen.port')).toThrow(
      "Invalid type in config for key 'backend.listen.port' in 'app-config.local.yaml', got string, wanted number",
    );
  });
});

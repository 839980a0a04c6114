import { describe, expect, it } from 'vitest';
import { serializeConfigLayers } from './configScript';

describe('serializeConfigLayers', () => {
  it('writes JSON that cannot close the script element, and parses back the same', () => {
    const layers = [
      {
        context: 'app-config.yaml',
        data: { app: { title: '</script><script>alert(1)</script>' } },
      },
    ];
    const text = serializeConfigLayers(layers);
    expect(text).not.toContain('<');
    expect(JSON.parse(text)).toEqual(layers);
  });

  it('drops fields other than context and data', () => {
    const text = serializeConfigLayers([{ context: 'a', data: {}, filteredKeys: ['x'] }]);
    expect(JSON.parse(text)).toEqual([{ context: 'a', data: {} }]);
  });
});

import { ConfigReader } from '@greenroom/config/reader';
import { afterEach, describe, expect, it } from 'vitest';
import { readInjectedConfig } from './readInjectedConfig';

function inject(text: string) {
  const script = document.createElement('script');
  script.type = 'greenroom/config';
  script.textContent = text;
  document.head.appendChild(script);
}

afterEach(() => {
  document.head.innerHTML = '';
});

describe('readInjectedConfig', () => {
  it('reads the layers in order, so later ones win when merged', () => {
    // The backend escapes '<' so the JSON cannot close the script element.
    inject(
      JSON.stringify([
        {
          context: 'app-config.yaml',
          data: { app: { title: 'One' }, backend: { baseUrl: 'http://a' } },
        },
        { context: 'env', data: { app: { title: '<Two>' } } },
      ]).replace(/</g, '\\u003c'),
    );
    const layers = readInjectedConfig(document);
    expect(layers.map(layer => layer.context)).toEqual(['app-config.yaml', 'env']);
    const config = ConfigReader.fromConfigs(layers);
    expect(config.getString('app.title')).toBe('<Two>');
    expect(config.getString('backend.baseUrl')).toBe('http://a');
  });

  it('returns no layers when nothing was injected', () => {
    expect(readInjectedConfig(document)).toEqual([]);
  });

  it('rejects text that is not JSON', () => {
    inject('[{');
    expect(() => readInjectedConfig(document)).toThrow(
      'The app config in <script type="greenroom/config"> #1 is not valid JSON',
    );
  });

  it('rejects JSON that is not a list of layers', () => {
    inject('{"app":{}}');
    expect(() => readInjectedConfig(document)).toThrow('must be a JSON array');
  });

  it('rejects a layer without context or data', () => {
    inject('[{"context":"a","data":{}},{"data":{}}]');
    expect(() => readInjectedConfig(document)).toThrow('invalid layer at index 1');
  });
});

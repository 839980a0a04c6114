import { describe, expect, it } from 'vitest';
import { parseConfigFlags } from './parseConfigFlags';

describe('parseConfigFlags', () => {
  it('reads both flag forms in order and ignores other arguments', () => {
    expect(
      parseConfigFlags([
        '--verbose',
        '--config',
        'a.yaml',
        'positional',
        '--config=b.yaml',
        '--port',
        '1',
      ]),
    ).toEqual(['a.yaml', 'b.yaml']);
  });

  it('returns nothing without flags and stops at --', () => {
    expect(parseConfigFlags([])).toEqual([]);
    expect(parseConfigFlags(['--', '--config', 'x.yaml'])).toEqual([]);
  });

  it('rejects a flag without a path', () => {
    expect(() => parseConfigFlags(['--config'])).toThrow('--config needs a file path');
    expect(() => parseConfigFlags(['--config', '--lax'])).toThrow('--config needs a file path');
    expect(() => parseConfigFlags(['--config='])).toThrow('--config= needs a file path');
  });
});

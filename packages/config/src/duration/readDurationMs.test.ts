import { ConfigReader } from '@greenroom/config';
import type { JsonValue } from '@greenroom/config';
import { describe, expect, it } from 'vitest';
import { readDurationMs } from './readDurationMs';

const read = (value: JsonValue) => readDurationMs(new ConfigReader({ d: value }), 'd');

describe('readDurationMs', () => {
  it('is undefined when the key is missing', () => {
    expect(readDurationMs(new ConfigReader({}), 'backend.lifecycle.x')).toBeUndefined();
  });

  it.each([
    [250, 250],
    ['500ms', 500],
    ['10s', 10_000],
    ['1.5 seconds', 1500],
    ['2m', 120_000],
    ['1 hour', 3_600_000],
    ['1d', 86_400_000],
    ['2 days', 172_800_000],
    ['30 minutes', 1_800_000],
    ['1w', 604_800_000],
    ['PT10S', 10_000],
    ['PT1M30S', 90_000],
    ['P1DT1H', 90_000_000],
    [{ seconds: 5, milliseconds: 250 }, 5250],
    [{ minutes: 1 }, 60_000],
    [{ weeks: 1 }, 604_800_000],
    ['0.4ms', 0],
  ])('reads %j', (value, ms) => {
    expect(read(value)).toBe(ms);
  });

  it.each([
    ['10 parsecs'],
    ['soon'],
    ['P'],
    ['PT'],
    [-1],
    [{ fortnights: 1 }],
    [{ seconds: '5' }],
    [true],
  ])('refuses %j, naming the key', value => {
    expect(() => read(value)).toThrow(/^Invalid duration in config at 'd';/);
    // Config errors never echo the value.
    expect(() => read(value)).not.toThrow(JSON.stringify(value));
  });

  it('names the key the caller shows, for sub-configs', () => {
    const provider = new ConfigReader({ sessionDuration: 'soon' });
    expect(() =>
      readDurationMs(
        provider,
        'sessionDuration',
        'auth.providers.oidc.development.sessionDuration',
      ),
    ).toThrow("Invalid duration in config at 'auth.providers.oidc.development.sessionDuration'");
  });
});

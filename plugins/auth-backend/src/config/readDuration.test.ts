import { ConfigReader } from '@greenroom/config';
import { describe, expect, it } from 'vitest';
import { readDurationMs } from './readDuration';

const read = (value: unknown) =>
  readDurationMs(new ConfigReader({ d: value as never }), 'd', 'auth.x.d');

describe('readDurationMs', () => {
  it.each([
    ['1h', 3_600_000],
    ['30 minutes', 1_800_000],
    ['45s', 45_000],
    ['2 days', 172_800_000],
    ['PT1H30M', 5_400_000],
    ['P1D', 86_400_000],
    [{ hours: 1, minutes: 30 }, 5_400_000],
  ])('reads %j', (value, ms) => {
    expect(read(value)).toBe(ms);
  });

  it('is undefined when absent', () => {
    expect(readDurationMs(new ConfigReader({}), 'd')).toBeUndefined();
  });

  it.each([
    'soon',
    '10 fortnights',
    '',
    'P',
    0,
    -5,
    3600,
    { hours: -1 },
    { lightyears: 1 },
    {},
    [1],
  ])('refuses %j without echoing it', value => {
    expect(() => read(value)).toThrow(/^Invalid duration in config at 'auth\.x\.d'/);
  });
});

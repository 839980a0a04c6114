import { InputError } from '@greenroom/errors';
import { describe, expect, it } from 'vitest';
import { durationToMs, msToIso } from '@greenroom/config';
import { nextRunAfter, parseFrequency } from './frequency';
import { validateSchedule } from './validateSchedule';

describe('durations', () => {
  it('reads HumanDuration objects and ISO 8601 strings', () => {
    expect(durationToMs({ minutes: 5 }, 'x')).toBe(300_000);
    expect(durationToMs({ hours: 1, minutes: 30, milliseconds: 5 }, 'x')).toBe(5_400_005);
    expect(durationToMs({ days: 1, weeks: 1 }, 'x')).toBe(8 * 86_400_000);
    expect(durationToMs('PT5M', 'x')).toBe(300_000);
    expect(durationToMs('PT0.25S', 'x')).toBe(250);
    expect(durationToMs('P1DT2H', 'x')).toBe(26 * 3_600_000);
    expect(durationToMs('pt30s', 'x')).toBe(30_000);
  });

  it('rejects malformed durations, naming what was wrong', () => {
    expect(() => durationToMs('5 minutes', 'timeout for task t')).toThrow(
      "Invalid timeout for task t '5 minutes': not an ISO 8601 duration (e.g. 'PT30S', 'PT5M', 'P1D')",
    );
    for (const bad of ['P', 'PT', 'P5H', 'PT5M5H', '']) {
      expect(() => durationToMs(bad, 'x')).toThrow(InputError);
    }
    expect(() => durationToMs({ minuts: 5 } as never, 'x')).toThrow(
      "Invalid x: unknown unit 'minuts'",
    );
    expect(() => durationToMs({}, 'x')).toThrow('Invalid x: no units given');
    expect(() => durationToMs({ minutes: -1 }, 'x')).toThrow(
      "Invalid x: 'minutes' must be a non-negative number",
    );
    expect(() => durationToMs({ minutes: Number.NaN }, 'x')).toThrow(InputError);
    expect(() => durationToMs(5 as never, 'x')).toThrow(/expected an ISO 8601 duration string/);
  });

  it('formats milliseconds as ISO 8601', () => {
    expect(msToIso(300_000)).toBe('PT5M');
    expect(msToIso(86_400_000 + 3_600_000 + 1_500)).toBe('P1DT1H1.5S');
    expect(msToIso(0)).toBe('PT0S');
  });
});

describe('frequencies', () => {
  it('parses cron expressions and computes their next times', () => {
    const cadence = parseFrequency({ cron: '*/5 * * * *' }, 'task');
    expect(cadence).toMatchObject({ type: 'cron', text: '*/5 * * * *' });
    const from = new Date(2024, 0, 1, 10, 1, 30).getTime();
    expect(nextRunAfter(cadence, from)).toBe(new Date(2024, 0, 1, 10, 5, 0).getTime());
    expect(nextRunAfter(cadence, new Date(2024, 0, 1, 10, 5, 0).getTime())).toBe(
      new Date(2024, 0, 1, 10, 10, 0).getTime(),
    );
    const weekdays = parseFrequency({ cron: '0 9 * * 1-5' }, 'task');
    // 2024-01-06 is a Saturday: the next run is Monday 09:00.
    expect(nextRunAfter(weekdays, new Date(2024, 0, 6, 12, 0).getTime())).toBe(
      new Date(2024, 0, 8, 9, 0).getTime(),
    );
  });

  it('rejects bad cron expressions with the task named', () => {
    expect(() => parseFrequency({ cron: '61 * * * *' }, 'refresh')).toThrow(
      /^Invalid cron expression '61 \* \* \* \*' for task 'refresh': .*minute/,
    );
    expect(() => parseFrequency({ cron: 'every day' }, 'refresh')).toThrow(InputError);
    expect(() => parseFrequency({ cron: '' }, 'refresh')).toThrow(
      "Invalid cron expression for task 'refresh': expected a string like '*/5 * * * *'",
    );
  });

  it('accepts intervals and manual triggers, and rejects zero and unknown triggers', () => {
    expect(parseFrequency({ minutes: 5 }, 't')).toMatchObject({
      type: 'interval',
      ms: 300_000,
      text: 'PT5M',
    });
    expect(parseFrequency('PT1H', 't')).toMatchObject({
      type: 'interval',
      ms: 3_600_000,
      text: 'PT1H',
    });
    expect(parseFrequency({ trigger: 'manual' }, 't')).toEqual({ type: 'manual', text: 'manual' });
    expect(nextRunAfter({ type: 'manual', text: 'manual' }, Date.now())).toBeUndefined();
    expect(() => parseFrequency({ seconds: 0 }, 't')).toThrow(
      "Invalid frequency for task 't': must be longer than zero",
    );
    expect(() => parseFrequency({ trigger: 'auto' } as never, 't')).toThrow(
      "trigger must be 'manual'",
    );
  });
});

describe('validateSchedule', () => {
  it('produces the settings reported for the task', () => {
    expect(
      validateSchedule(
        { frequency: { minutes: 10 }, timeout: 'PT1M', initialDelay: { seconds: 30 } },
        't',
      ),
    ).toMatchObject({
      scope: 'global',
      timeoutMs: 60_000,
      initialDelayMs: 30_000,
      settings: {
        version: 2,
        cadence: 'PT10M',
        timeoutAfterDuration: 'PT1M',
        initialDelayDuration: 'PT30S',
      },
    });
    expect(
      validateSchedule(
        { frequency: { cron: '0 * * * *' }, timeout: { minutes: 5 }, scope: 'local' },
        't',
      ),
    ).toMatchObject({
      scope: 'local',
      settings: { version: 2, cadence: '0 * * * *', timeoutAfterDuration: 'PT5M' },
    });
  });

  it('rejects a missing or zero timeout and an unknown scope', () => {
    expect(() => validateSchedule({ frequency: { minutes: 1 } } as never, 't')).toThrow(
      "Missing timeout for task 't': say how long one run may take, e.g. { minutes: 10 }",
    );
    expect(() => validateSchedule({ frequency: { minutes: 1 }, timeout: 'PT0S' }, 't')).toThrow(
      "Invalid timeout for task 't': must be longer than zero",
    );
    expect(() =>
      validateSchedule(
        { frequency: { minutes: 1 }, timeout: 'PT1M', scope: 'cluster' as never },
        't',
      ),
    ).toThrow("Invalid scope 'cluster' for task 't': use 'global' or 'local'");
    expect(() =>
      validateSchedule({ frequency: { minutes: 1 }, timeout: 'PT1M', initialDelay: 'soon' }, 't'),
    ).toThrow("Invalid initialDelay for task 't' 'soon'");
  });
});

import type { Config } from '@greenroom/config';

const MS_PER_UNIT: Record<string, number> = {
  years: 365 * 86_400_000,
  months: 30 * 86_400_000,
  weeks: 7 * 86_400_000,
  days: 86_400_000,
  hours: 3_600_000,
  minutes: 60_000,
  seconds: 1_000,
  milliseconds: 1,
};

const SHORT_UNITS: Record<string, string> = {
  ms: 'milliseconds',
  s: 'seconds',
  sec: 'seconds',
  second: 'seconds',
  m: 'minutes',
  min: 'minutes',
  minute: 'minutes',
  h: 'hours',
  hour: 'hours',
  d: 'days',
  day: 'days',
  w: 'weeks',
  week: 'weeks',
};

const ISO = /^P(?!$)(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/i;

function invalid(key: string): Error {
  // The value stays out of the message, as with every config error.
  return new Error(
    `Invalid duration in config at '${key}': use a string like '1h', '30 minutes' or 'PT1H', or an object like { hours: 1 }`,
  );
}

function stringToMs(value: string, key: string): number {
  const trimmed = value.trim();
  const short = /^(\d+(?:\.\d+)?)\s*([a-z]+)$/i.exec(trimmed);
  if (short) {
    const word = short[2].toLowerCase();
    const unit =
      MS_PER_UNIT[word] ?? MS_PER_UNIT[SHORT_UNITS[word] ?? SHORT_UNITS[word.replace(/s$/, '')]];
    if (unit === undefined) throw invalid(key);
    return Number(short[1]) * unit;
  }
  const iso = ISO.exec(trimmed);
  if (!iso) throw invalid(key);
  const [, days, hours, minutes, seconds] = iso.map(part => Number(part ?? 0));
  return days * 86_400_000 + hours * 3_600_000 + minutes * 60_000 + seconds * 1_000;
}

/**
 * A duration from config in milliseconds, as Backstage writes them: a HumanDuration object
 * (`{ hours: 1 }`), an ISO 8601 string (`PT1H`) or a short string (`1h`, `30 minutes`).
 */
export function readDurationMs(
  config: Config,
  key: string,
  shownKey: string = key,
): number | undefined {
  const value = config.getOptional(key);
  if (value === undefined) return undefined;
  let ms: number;
  if (typeof value === 'string') {
    ms = stringToMs(value, shownKey);
  } else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) throw invalid(shownKey);
    ms = 0;
    for (const [unit, amount] of entries) {
      if (MS_PER_UNIT[unit] === undefined || typeof amount !== 'number' || amount < 0) {
        throw invalid(shownKey);
      }
      ms += amount * MS_PER_UNIT[unit];
    }
  } else {
    throw invalid(shownKey);
  }
  if (!Number.isFinite(ms) || ms <= 0) throw invalid(shownKey);
  return Math.round(ms);
}

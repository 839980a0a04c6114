import type { HumanDuration } from '../types';
import type { Config } from '../types';
import { durationToMs } from './durationToMs';

const MS_PER_SHORT_UNIT: Record<string, number> = {
  ms: 1,
  millisecond: 1,
  milliseconds: 1,
  s: 1000,
  sec: 1000,
  secs: 1000,
  second: 1000,
  seconds: 1000,
  m: 60_000,
  min: 60_000,
  mins: 60_000,
  minute: 60_000,
  minutes: 60_000,
  h: 3_600_000,
  hour: 3_600_000,
  hours: 3_600_000,
  d: 86_400_000,
  day: 86_400_000,
  days: 86_400_000,
  w: 604_800_000,
  week: 604_800_000,
  weeks: 604_800_000,
};

function invalid(key: string): Error {
  // The value itself stays out of the message, as with every config error.
  return new Error(
    `Invalid duration in config at '${key}'; use milliseconds, a string like '10s' or 'PT10S', or an object like { seconds: 10 }`,
  );
}

function toMs(value: unknown, key: string): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const short = /^(\d+(?:\.\d+)?)\s*([a-z]+)$/i.exec(value.trim());
    if (short) {
      const unit = MS_PER_SHORT_UNIT[short[2].toLowerCase()];
      if (unit === undefined) throw invalid(key);
      return Number(short[1]) * unit;
    }
  }
  try {
    return durationToMs(value as HumanDuration | string, `duration at '${key}'`);
  } catch {
    throw invalid(key);
  }
}

/**
 * Reads a duration in milliseconds from config: a number of milliseconds, a string like `10s`,
 * `500ms`, `2 minutes` or ISO 8601 `PT10S`, or an object like `{ seconds: 10 }`.
 */
export function readDurationMs(
  config: Config,
  key: string,
  /** The key as errors name it, when `config` is a sub-config (e.g. one provider's). */
  shownKey: string = key,
): number | undefined {
  const value = config.getOptional(key);
  if (value === undefined) return undefined;
  const ms = toMs(value, shownKey);
  if (!Number.isFinite(ms) || ms < 0) throw invalid(shownKey);
  // Node's timers and server timeouts take whole milliseconds.
  return Math.round(ms);
}

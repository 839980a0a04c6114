import type { Config } from '@greenroom/config';

const MS_PER_UNIT: Record<string, number> = {
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
};

const HUMAN_DURATION_KEYS: Record<string, number> = {
  milliseconds: 1,
  seconds: 1000,
  minutes: 60_000,
  hours: 3_600_000,
  days: 86_400_000,
};

const ISO_DURATION =
  /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;

function parseDurationString(text: string): number | undefined {
  const simple = /^(\d+(?:\.\d+)?)\s*([a-z]+)$/i.exec(text.trim());
  if (simple) {
    const unit = MS_PER_UNIT[simple[2].toLowerCase()];
    return unit === undefined ? undefined : Number(simple[1]) * unit;
  }
  const iso = ISO_DURATION.exec(text.trim());
  if (iso && text.trim().length > 2) {
    const [, d = '0', h = '0', m = '0', s = '0'] = iso;
    return ((Number(d) * 24 + Number(h)) * 60 + Number(m)) * 60_000 + Number(s) * 1000;
  }
  return undefined;
}

/**
 * Reads a duration in milliseconds: a number of milliseconds, a string like `10s`, `500ms`,
 * `2 minutes` or ISO 8601 `PT10S`, or an object like `{ seconds: 10 }`.
 */
export function readDurationMs(config: Config, key: string): number | undefined {
  const value = config.getOptional(key);
  if (value === undefined) return undefined;
  let ms: number | undefined;
  if (typeof value === 'number') {
    ms = value;
  } else if (typeof value === 'string') {
    ms = parseDurationString(value);
  } else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    ms = 0;
    for (const [unit, amount] of Object.entries(value)) {
      const factor = HUMAN_DURATION_KEYS[unit];
      if (factor === undefined || typeof amount !== 'number') {
        ms = undefined;
        break;
      }
      ms += amount * factor;
    }
  }
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) {
    throw new Error(
      `Invalid duration ${JSON.stringify(value)} in ${key}; use milliseconds, a string like ` +
        `'10s' or 'PT10S', or an object like { seconds: 10 }`,
    );
  }
  // Node's timers and server timeouts take whole milliseconds.
  return Math.round(ms);
}

import type { HumanDuration } from '../types';
import { InputError } from '@greenroom/errors';

/** Calendar units use fixed lengths (a month is 30 days, a year 365), as intervals need one number. */
const MS_PER_UNIT: Record<keyof HumanDuration, number> = {
  years: 365 * 86_400_000,
  months: 30 * 86_400_000,
  weeks: 7 * 86_400_000,
  days: 86_400_000,
  hours: 3_600_000,
  minutes: 60_000,
  seconds: 1_000,
  milliseconds: 1,
};

const UNITS = Object.keys(MS_PER_UNIT) as (keyof HumanDuration)[];

const NUMBER = String.raw`(\d+(?:[.,]\d+)?)`;
const ISO_DURATION = new RegExp(
  `^P(?!$)(?:${NUMBER}Y)?(?:${NUMBER}M)?(?:${NUMBER}W)?(?:${NUMBER}D)?(?:T(?=\\d)(?:${NUMBER}H)?(?:${NUMBER}M)?(?:${NUMBER}S)?)?$`,
  'i',
);

/** A duration in milliseconds from `{ minutes: 5 }` or `'PT5M'`; `what` names it in errors. */
export function durationToMs(value: HumanDuration | string, what: string): number {
  if (typeof value === 'string') return isoToMs(value, what);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError(
      `Invalid ${what}: expected an ISO 8601 duration string like 'PT5M' or an object like { minutes: 5 }`,
    );
  }
  const keys = Object.keys(value);
  const unknown = keys.filter(key => !(UNITS as string[]).includes(key));
  if (unknown.length > 0 || keys.length === 0) {
    throw new InputError(
      `Invalid ${what}: ${unknown.length ? `unknown unit '${unknown[0]}'` : 'no units given'}; use ${UNITS.join(', ')}`,
    );
  }
  let total = 0;
  for (const unit of UNITS) {
    const amount = value[unit];
    if (amount === undefined) continue;
    if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) {
      throw new InputError(`Invalid ${what}: '${unit}' must be a non-negative number`);
    }
    total += amount * MS_PER_UNIT[unit];
  }
  return total;
}

function isoToMs(value: string, what: string): number {
  const match = ISO_DURATION.exec(value.trim());
  if (!match) {
    throw new InputError(
      `Invalid ${what} '${value}': not an ISO 8601 duration (e.g. 'PT30S', 'PT5M', 'P1D')`,
    );
  }
  const [, years, months, weeks, days, hours, minutes, seconds] = match.map(part =>
    part === undefined ? 0 : Number(part.replace(',', '.')),
  );
  return (
    years * MS_PER_UNIT.years +
    months * MS_PER_UNIT.months +
    weeks * MS_PER_UNIT.weeks +
    days * MS_PER_UNIT.days +
    hours * MS_PER_UNIT.hours +
    minutes * MS_PER_UNIT.minutes +
    seconds * MS_PER_UNIT.seconds
  );
}

/** `'PT5M'` for five minutes: how durations are shown in task settings. */
export function msToIso(ms: number): string {
  if (ms === 0) return 'PT0S';
  const days = Math.floor(ms / MS_PER_UNIT.days);
  let rest = ms - days * MS_PER_UNIT.days;
  const hours = Math.floor(rest / MS_PER_UNIT.hours);
  rest -= hours * MS_PER_UNIT.hours;
  const minutes = Math.floor(rest / MS_PER_UNIT.minutes);
  rest -= minutes * MS_PER_UNIT.minutes;
  const seconds = rest / MS_PER_UNIT.seconds;
  const time = `${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds ? `${seconds}S` : ''}`;
  return `P${days ? `${days}D` : ''}${time ? `T${time}` : ''}`;
}

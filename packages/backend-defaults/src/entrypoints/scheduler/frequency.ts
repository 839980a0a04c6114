import type { SchedulerServiceTaskFrequency } from '@greenroom/backend-plugin-api';
import { InputError } from '@greenroom/errors';
import { Cron } from 'croner';
import { durationToMs, msToIso } from '@greenroom/config';

/** When a task runs again: every so often, on a cron schedule, or only when triggered. */
export type Cadence =
  | { type: 'interval'; ms: number; text: string }
  | { type: 'cron'; cron: Cron; text: string }
  | { type: 'manual'; text: 'manual' };

/** Parses and validates a frequency; `taskId` names the task in errors. */
export function parseFrequency(frequency: SchedulerServiceTaskFrequency, taskId: string): Cadence {
  if (typeof frequency === 'object' && frequency !== null && 'cron' in frequency) {
    return { type: 'cron', cron: parseCron(frequency.cron, taskId), text: frequency.cron.trim() };
  }
  if (typeof frequency === 'object' && frequency !== null && 'trigger' in frequency) {
    if (frequency.trigger !== 'manual') {
      throw new InputError(`Invalid frequency for task '${taskId}': trigger must be 'manual'`);
    }
    return { type: 'manual', text: 'manual' };
  }
  const ms = durationToMs(frequency, `frequency for task '${taskId}'`);
  if (ms <= 0)
    throw new InputError(`Invalid frequency for task '${taskId}': must be longer than zero`);
  return {
    type: 'interval',
    ms,
    text: typeof frequency === 'string' ? frequency.trim().toUpperCase() : msToIso(ms),
  };
}

function parseCron(expression: unknown, taskId: string): Cron {
  if (typeof expression !== 'string' || !expression.trim()) {
    throw new InputError(
      `Invalid cron expression for task '${taskId}': expected a string like '*/5 * * * *'`,
    );
  }
  try {
    // No callback: croner only computes times; our loops do the running.
    return new Cron(expression.trim());
  } catch (error) {
    throw new InputError(
      `Invalid cron expression '${expression}' for task '${taskId}': ${(error as Error).message}`,
    );
  }
}

/** The first run time (epoch ms) after `fromMs`, or undefined for manual tasks. */
export function nextRunAfter(cadence: Cadence, fromMs: number): number | undefined {
  switch (cadence.type) {
    case 'interval':
      return fromMs + cadence.ms;
    case 'cron':
      return cadence.cron.nextRun(new Date(fromMs))?.getTime();
    case 'manual':
      return undefined;
  }
}

import type { SchedulerServiceTaskScheduleDefinition } from '@greenroom/backend-plugin-api';
import { InputError } from '@greenroom/errors';
import { durationToMs, msToIso } from '@greenroom/config';
import { parseFrequency, type Cadence } from './frequency';

/** How a task's schedule is stored and reported (the shape Backstage reports, version 2). */
export interface TaskSettings {
  version: 2;
  /** An ISO 8601 duration, a cron expression, or `manual`. */
  cadence: string;
  timeoutAfterDuration: string;
  initialDelayDuration?: string;
}

export interface ValidatedSchedule {
  cadence: Cadence;
  timeoutMs: number;
  initialDelayMs: number;
  scope: 'global' | 'local';
  settings: TaskSettings;
}

/** Checks a schedule up front, so a mistake fails at registration with the task named. */
export function validateSchedule(
  schedule: SchedulerServiceTaskScheduleDefinition,
  taskId: string,
): ValidatedSchedule {
  if (typeof schedule !== 'object' || schedule === null) {
    throw new InputError(`Invalid schedule for task '${taskId}': expected an object`);
  }
  const cadence = parseFrequency(schedule.frequency, taskId);
  if (schedule.timeout === undefined) {
    throw new InputError(
      `Missing timeout for task '${taskId}': say how long one run may take, e.g. { minutes: 10 }`,
    );
  }
  const timeoutMs = durationToMs(schedule.timeout, `timeout for task '${taskId}'`);
  if (timeoutMs <= 0)
    throw new InputError(`Invalid timeout for task '${taskId}': must be longer than zero`);
  const initialDelayMs =
    schedule.initialDelay === undefined
      ? 0
      : durationToMs(schedule.initialDelay, `initialDelay for task '${taskId}'`);
  const scope = schedule.scope ?? 'global';
  if (scope !== 'global' && scope !== 'local') {
    throw new InputError(
      `Invalid scope '${String(scope)}' for task '${taskId}': use 'global' or 'local'`,
    );
  }
  return {
    cadence,
    timeoutMs,
    initialDelayMs,
    scope,
    settings: {
      version: 2,
      cadence: cadence.text,
      timeoutAfterDuration: msToIso(timeoutMs),
      ...(initialDelayMs ? { initialDelayDuration: msToIso(initialDelayMs) } : {}),
    },
  };
}

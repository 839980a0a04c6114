import type { HumanDuration } from '@greenroom/config';

export type { HumanDuration };

/** How often and how long: a HumanDuration, an ISO 8601 duration string, or `{ cron }`. */
export type SchedulerServiceTaskFrequency =
  HumanDuration | string | { cron: string } | { trigger: 'manual' };

export interface SchedulerServiceTaskScheduleDefinition {
  frequency: SchedulerServiceTaskFrequency;
  /** A run that takes longer is aborted (its signal fires) and its lock released. */
  timeout: HumanDuration | string;
  initialDelay?: HumanDuration | string;
  /** `global` (default): one run at a time across every backend instance on the same database. */
  scope?: 'global' | 'local';
}

export type SchedulerServiceTaskFunction = (abortSignal: AbortSignal) => void | Promise<void>;

export interface SchedulerServiceTaskInvocationDefinition {
  /** Unique within the plugin. */
  id: string;
  fn: SchedulerServiceTaskFunction;
  signal?: AbortSignal;
}

export interface SchedulerServiceTaskRunner {
  run(task: SchedulerServiceTaskInvocationDefinition): Promise<void>;
}

export interface SchedulerServiceTaskDescriptor {
  id: string;
  scope: 'global' | 'local';
  settings: Record<string, unknown>;
}

/** Runs recurring and one-off work; global tasks are locked in the plugin's database. */
export interface SchedulerService {
  scheduleTask(
    task: SchedulerServiceTaskScheduleDefinition & SchedulerServiceTaskInvocationDefinition,
  ): Promise<void>;
  /** Runs the task as soon as possible (global tasks: on whichever instance claims it). */
  triggerTask(id: string): Promise<void>;
  createScheduledTaskRunner(
    schedule: SchedulerServiceTaskScheduleDefinition,
  ): SchedulerServiceTaskRunner;
  getScheduledTasks(): Promise<SchedulerServiceTaskDescriptor[]>;
}

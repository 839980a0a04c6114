import type {
  LoggerService,
  SchedulerServiceTaskDescriptor,
  SchedulerServiceTaskFunction,
} from '@greenroom/backend-plugin-api';
import type { ValidatedSchedule } from './validateSchedule';

/** What a loop needs to run one task on its schedule. */
export interface TaskLoopOptions {
  id: string;
  fn: SchedulerServiceTaskFunction;
  schedule: ValidatedSchedule;
  /** Ends the loop and aborts a run in progress (shutdown, or the task's own signal). */
  stop: AbortSignal;
  logger: LoggerService;
}

/** One scheduled task: waits, runs, repeats until stopped. */
export interface TaskLoop {
  readonly descriptor: SchedulerServiceTaskDescriptor;
  /** Resolves once the loop has ended and a run in progress has returned. */
  readonly done: Promise<void>;
  /** Runs the task as soon as possible; ConflictError while it is running. */
  trigger(): Promise<void>;
}

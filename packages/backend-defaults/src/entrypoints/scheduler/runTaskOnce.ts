import type { LoggerService, SchedulerServiceTaskFunction } from '@greenroom/backend-plugin-api';
import { msToIso } from '@greenroom/config';

export interface TaskRun {
  taskId: string;
  fn: SchedulerServiceTaskFunction;
  timeoutMs: number;
  /** Aborts the run early: shutdown, or the task's own signal. */
  stop: AbortSignal;
  logger: LoggerService;
}

/**
 * Runs the task function once. Its signal aborts on timeout or stop; a failure is logged and
 * swallowed, so the task keeps its schedule.
 */
export async function runTaskOnce({ taskId, fn, timeoutMs, stop, logger }: TaskRun): Promise<void> {
  const controller = new AbortController();
  const timer = setTimeout(() => {
    logger.warn(`Task '${taskId}' timed out after ${msToIso(timeoutMs)}; aborting it`, { taskId });
    controller.abort(new Error(`Task '${taskId}' timed out after ${msToIso(timeoutMs)}`));
  }, timeoutMs);
  const onStop = () => controller.abort(stop.reason);
  if (stop.aborted) onStop();
  else stop.addEventListener('abort', onStop, { once: true });
  try {
    logger.debug(`Task '${taskId}' started`, { taskId });
    await fn(controller.signal);
    logger.debug(`Task '${taskId}' finished`, { taskId });
  } catch (error) {
    logger.error(`Task '${taskId}' failed`, { taskId, error });
  } finally {
    clearTimeout(timer);
    stop.removeEventListener('abort', onStop);
  }
}

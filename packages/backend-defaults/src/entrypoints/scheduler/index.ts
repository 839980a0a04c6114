export { DefaultSchedulerService } from './DefaultSchedulerService';
export type { DefaultSchedulerServiceOptions } from './DefaultSchedulerService';
export { schedulerServiceFactory } from './schedulerServiceFactory';

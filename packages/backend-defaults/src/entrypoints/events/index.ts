export { eventsServiceFactory } from './eventsServiceFactory';
export { DefaultEventsService } from './DefaultEventsService';
export { InProcessEventBus } from './InProcessEventBus';
export type { EventBus } from './EventBus';

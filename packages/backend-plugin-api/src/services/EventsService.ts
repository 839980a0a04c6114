export interface EventParams<TPayload = unknown> {
  topic: string;
  eventPayload: TPayload;
  metadata?: Record<string, string | string[] | undefined>;
}

export interface EventsServiceSubscribeOptions {
  /** Unique per subscriber; a database-backed bus uses it to track delivery. */
  id: string;
  topics: string[];
  onEvent(params: EventParams): Promise<void>;
}

/** Publish/subscribe by topic. Subscribers' failures are logged, never thrown at the publisher. */
export interface EventsService {
  publish(params: EventParams): Promise<void>;
  subscribe(options: EventsServiceSubscribeOptions): Promise<void>;
}

import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { EventStore, openEventStore } from '@dtask/event-store';
import { readStoredEvent } from '@dtask/events';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

export const EVENT_STORE = Symbol('EVENT_STORE');

/**
 * One store per process: the embedded SQLite file by default, EventStoreDB when EVENTSTORE_URL is
 * set. Every event read from it passes the read boundary, so every reader (the follower, the task
 * detail, stream loads, replays, the live channel's catch-up) takes it upcast once and labelled.
 */
@Global()
@Module({
  providers: [
    {
      provide: EVENT_STORE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): Promise<EventStore> =>
        openEventStore({
          eventStoreUrl: config.EVENTSTORE_URL,
          dataDir: config.DATA_DIR,
          synchronous: config.EVENTSTORE_SYNC,
          readBoundary: readStoredEvent,
          // Once, at start: a cluster string the client reads otherwise than it looks (never with its password).
          warn: (message) => new Logger('EventStore').warn(message),
        }),
    },
  ],
  exports: [EVENT_STORE],
})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

import { Provider } from '@nestjs/common';
import { DTaskDecider } from '@dtask/domain';
import { DTaskService } from '@dtask/dtask-service';
import { EventStore } from '@dtask/event-store';
import { EVENT_STORE } from '../event-store/event-store.module';
import { DTASK_DECIDER } from './dtask-decider.provider';

/** The one writer of task streams, built from the store and the decider with the county's limits. */
export const dtaskServiceProvider: Provider = {
  provide: DTaskService,
  useFactory: (store: EventStore, decider: DTaskDecider) => new DTaskService({ store, decider }),
  inject: [EVENT_STORE, DTASK_DECIDER],
};

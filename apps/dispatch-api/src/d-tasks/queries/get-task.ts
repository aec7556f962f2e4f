import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DTaskDecider, toTimedEvent } from '@dtask/domain';
import { dtaskStreamId, EventMetadata, fromRecorded } from '@dtask/events';
import { EventStore } from '@dtask/event-store';
import { AccessLog } from '../../audit/access-log';
import { Actor } from '../../auth/actor';
import { EVENT_STORE } from '../../event-store/event-store.module';
import { TaskNotFoundError } from '../../http/error.filter';
import { DTASK_DECIDER } from '../dtask-decider.provider';
import { taskView } from '../task-view';

export class GetTaskQuery {
  constructor(
    readonly taskId: string,
    readonly actor: Actor,
    readonly correlationId: string,
  ) {}
}

/** The task with its whole history, straight from its stream. The read is logged first (S7). */
@QueryHandler(GetTaskQuery)
export class GetTaskHandler implements IQueryHandler<GetTaskQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DTASK_DECIDER) private readonly decider: DTaskDecider,
    private readonly accessLog: AccessLog,
  ) {}

  async execute({ taskId, actor, correlationId }: GetTaskQuery) {
    const recorded = await this.store.readStream(dtaskStreamId(taskId));
    if (recorded.length === 0) throw new TaskNotFoundError(taskId);
    await this.accessLog.personalDataRead(actor, taskId, 'task-detail', correlationId);
    const history = recorded.map(fromRecorded);
    const state = history.reduce(
      (folded, event) => this.decider.evolve(folded, toTimedEvent(event.type, event.data, event.metadata as EventMetadata)),
      this.decider.initialState,
    );
    return {
      ...taskView(taskId, state),
      history: history.map(({ position, revision, type, data, metadata }) => ({ position, revision, type, data, metadata })),
    };
  }
}

import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DTaskState } from '@dtask/domain';
import { Clock } from '../../clock/clock';
import { AllStreamFollower } from '../../projections/projection-host';
import { ReadConsistency } from '../../consistency/read-consistency';
import { QueueItem, TaskBoard } from '../task-board.read-model';

export class GetQueueQuery {
  constructor(readonly filter: { status?: DTaskState['status']; area?: string }) {}
}

@QueryHandler(GetQueueQuery)
export class GetQueueHandler implements IQueryHandler<GetQueueQuery, { tasks: QueueItem[] }> {
  constructor(
    private readonly board: TaskBoard,
    private readonly follower: AllStreamFollower,
    private readonly consistency: ReadConsistency,
    private readonly clock: Clock,
  ) {}

  async execute({ filter }: GetQueueQuery) {
    // Read your own writes: a nurse who just acted sees the queue with that act in it.
    await this.consistency.reach('own-writes');
    return { tasks: this.board.queue(this.clock.now(), filter) };
  }
}

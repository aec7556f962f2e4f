import { Injectable, OnModuleInit } from '@nestjs/common';
import { FoldEvent, TaskFacts, TaskFactsFold } from '@dtask/read-models';
import { AllStreamFollower } from '../projections/projection-host';
import { toFoldEvent } from '../projections/fold-event';

/** The measures' per-task facts, kept current from `$all` by the same fold analysts replay. */
@Injectable()
export class TaskFactsReadModel implements OnModuleInit {
  private readonly fold = new TaskFactsFold();

  constructor(private readonly follower: AllStreamFollower) {}

  onModuleInit(): void {
    this.follower.register((event) => this.fold.apply(toFoldEvent(event)));
  }

  /** Tasks received in [fromMs, toMs). */
  receivedBetween(fromMs: number, toMs: number): TaskFacts[] {
    const tasks: TaskFacts[] = [];
    for (const task of this.fold.tasks.values()) if (task.receivedAtMs >= fromMs && task.receivedAtMs < toMs) tasks.push(task);
    return tasks;
  }

  apply(event: FoldEvent): void {
    this.fold.apply(event);
  }
}

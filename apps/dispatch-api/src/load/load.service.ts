import { Inject, Injectable } from '@nestjs/common';
import { loadHistory, loadSnapshot } from '@dtask/read-models';
import { Clock } from '../clock/clock';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { TaskBoard } from '../d-tasks/task-board.read-model';
import { TaskFactsReadModel } from '../reports/task-facts.read-model';

const DAY_MS = 86_400_000;

/** The centre's live load: what the supervisor wall shows and the live channel pushes. */
@Injectable()
export class LoadService {
  constructor(
    private readonly board: TaskBoard,
    private readonly facts: TaskFactsReadModel,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  history(hours: number) {
    const now = this.clock.now().getTime();
    const bucketMs = 15 * 60_000;
    const toMs = now - (now % bucketMs) + bucketMs;
    const fromMs = toMs - hours * 3_600_000;
    // Tasks received up to two days earlier can still be waiting inside the window.
    return { buckets: loadHistory(this.facts.receivedBetween(fromMs - 2 * DAY_MS, toMs), fromMs, toMs, bucketMs) };
  }

  snapshot() {
    const now = this.clock.now();
    return loadSnapshot({
      now,
      queue: this.board.queue(now, {}),
      open: this.board.open.values(),
      receivedBetween: (fromMs, toMs) => this.facts.receivedBetween(fromMs, toMs),
      assumedMissionMinutes: this.config.ASSUMED_MISSION_MINUTES,
      contactTargetMinutes: this.config.CONTACT_TARGET_MINUTES,
      referrals: this.board.referrals(now),
    });
  }
}

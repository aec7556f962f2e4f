import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { commandForDeadline, deadlinesOf, DTaskCommand, POLICY_ACTOR, SafetyRules } from '@dtask/domain';
import { Clock } from '../clock/clock';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { AllStreamFollower } from '../projections/projection-host';
import { DTaskService } from '@dtask/dtask-service';
import { SAFETY_RULES } from './dtask-decider.provider';
import { TaskBoard } from './task-board.read-model';

/**
 * Timers are data: every tick derives the pending deadlines (S1, S2, S6, S8, the visit limit) from the task board,
 * which is folded from the events, and issues the command of each one that is due. A restart
 * rebuilds the board from `$all`, so no deadline is forgotten. A command that no longer applies is
 * refused by the service and dropped; several instances firing the same deadline are harmless.
 */
@Injectable()
export class DeadlineScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeadlineScheduler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  /** For /metrics: deadlines found due at the last tick, and commands fired or failed since start, by type. */
  readonly stats = { dueAtLastTick: 0, fired: new Map<string, number>(), failed: 0 };

  constructor(
    private readonly board: TaskBoard,
    private readonly service: DTaskService,
    private readonly follower: AllStreamFollower,
    private readonly clock: Clock,
    @Inject(SAFETY_RULES) private readonly rules: SafetyRules,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    // A failed tick is logged and the next one tries again; it never becomes an unhandled rejection.
    this.timer = setInterval(() => void this.tick().catch((error: unknown) => this.logger.error(`deadline tick failed: ${(error as Error)?.message ?? String(error)}`)), this.config.SCHEDULER_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Issues every due deadline once; returns how many commands wrote events. */
  tick(): Promise<number> {
    if (!this.running) this.running = this.fireDue().finally(() => (this.running = undefined));
    return this.running;
  }

  private async fireDue(): Promise<number> {
    if (!this.follower.isCaughtUp) return 0;
    await this.follower.waitFor(this.service.lastWrittenPosition);
    const now = this.clock.now();
    const due: { taskId: string; command: DTaskCommand }[] = [];
    for (const [taskId, state] of this.board.open) {
      let types: Set<DTaskCommand['type']>;
      try {
        types = new Set(
          deadlinesOf(state, this.rules)
            .filter((deadline) => Date.parse(deadline.dueAt) <= now.getTime())
            .map((deadline) => commandForDeadline(deadline.kind))
            .filter((type) => type !== undefined),
        );
      } catch (error) {
        // One task's unreadable times must not stop the deadlines of every other task.
        this.logger.error(`deadlines of ${taskId} could not be computed: ${(error as Error).message}`);
        continue;
      }
      for (const type of types) due.push({ taskId, command: { type, at: now.toISOString(), actor: POLICY_ACTOR } as DTaskCommand });
    }
    this.stats.dueAtLastTick = due.length;
    let fired = 0;
    for (const { taskId, command } of due) {
      try {
        // A refusal means the deadline no longer applies (the stream moved on): nothing to do.
        const result = await this.service.handle(taskId, command);
        if (result.kind === 'accepted' && result.effect === 'written') {
          fired += 1;
          this.stats.fired.set(command.type, (this.stats.fired.get(command.type) ?? 0) + 1);
        }
      } catch (error) {
        this.stats.failed += 1;
        this.logger.error(`deadline ${command.type} for ${taskId} failed: ${(error as Error).message}`);
      }
    }
    return fired;
  }
}

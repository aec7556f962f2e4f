import { Controller, Get, Header, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { pendingRecalls, SafetyRules } from '@dtask/domain';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { NURSE_ROLES, Roles } from '../auth/roles.decorator';
import { Clock } from '../clock/clock';
import { ReadConsistency } from '../consistency/read-consistency';
import { SAFETY_RULES } from '../d-tasks/dtask-decider.provider';
import { TaskBoard } from '../d-tasks/task-board.read-model';
import { LoadService } from '../load/load.service';
import { AllStreamFollower } from '../projections/projection-host';
import { z } from 'zod';
import { ApiZodQuery } from '../http/openapi';
import { zodPipe } from '../http/zod-validation.pipe';

/** `load=1`: a supervisor's console asks for the load once, at (re)connect; the live channel pushes it after that. */
const DeskQuery = z.object({ load: z.enum(['0', '1']).optional() }).strict();

/**
 * The console's opening picture in one request: the queue, the claimed tasks, the supervisor's
 * load (when asked) and the `$all` position they were read at, so the live channel follows on from exactly
 * there instead of replaying history. No personal data: the queue carries none.
 */
@ApiTags('desk')
@ApiBearerAuth()
@Controller('api/desk')
export class DeskController {
  constructor(
    private readonly board: TaskBoard,
    private readonly load: LoadService,
    private readonly follower: AllStreamFollower,
    private readonly consistency: ReadConsistency,
    private readonly clock: Clock,
    @Inject(SAFETY_RULES) private readonly rules: SafetyRules,
  ) {}

  @Get()
  @Roles(...NURSE_ROLES)
  @Header('Cache-Control', 'no-store')
  @ApiZodQuery(DeskQuery)
  async state(@CurrentActor() actor: Actor, @Query(zodPipe(DeskQuery)) query: z.infer<typeof DeskQuery>) {
    await this.consistency.reach('own-writes');
    // From here on synchronous: the follower cannot move between reading the views and the position.
    const now = this.clock.now();
    return {
      position: this.follower.position ?? null,
      at: now.toISOString(),
      queue: this.board.queue(now, {}),
      claimed: this.board.queue(now, { status: 'claimed' }),
      nextFollowUpDueAt: this.nextFollowUpDue(now),
      ...(actor.role === 'supervisor' && query.load === '1' ? { load: this.load.snapshot() } : {}),
      limits: {
        s1FailedAttempts: this.rules.s1FailedAttempts,
        s1MinutesAfterFirstFailure: this.rules.s1MinutesAfterFirstFailure,
        s2AlertMinutes: this.rules.s2AlertMinutes,
        s2DispatchMinutes: this.rules.s2DispatchMinutes,
        followUpFailedAttempts: this.rules.followUpFailedAttempts,
        // A redirect's timeframe may not exceed the receiving service's visit limit: the console offers only those.
        handoffVisitHours: this.rules.handoffVisitHours,
      },
    };
  }

  /**
   * A booked call (a follow-up, an S8 or a nurse's recall) falls due by the clock alone, with no
   * event to say so: the console refreshes its picture then. Times are compared as instants, as a
   * nurse's recall may carry Helsinki's offset.
   */
  private nextFollowUpDue(now: Date): string | null {
    let next: number | undefined;
    for (const task of this.board.open.values()) {
      const booked = [task.followUp?.dueAt, ...pendingRecalls(task).map((recall) => recall.dueAt)];
      for (const dueAt of booked) {
        const dueMs = dueAt === undefined ? NaN : Date.parse(dueAt);
        if (dueMs > now.getTime() && (next === undefined || dueMs < next)) next = dueMs;
      }
    }
    return next === undefined ? null : new Date(next).toISOString();
  }
}

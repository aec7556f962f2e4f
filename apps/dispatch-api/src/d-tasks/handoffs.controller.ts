import { Controller, Get, Header, Headers, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DTaskDecider, toTimedEvent } from '@dtask/domain';
import { dtaskStreamId, EventMetadata, fromRecorded } from '@dtask/events';
import { EventStore } from '@dtask/event-store';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AccessLog } from '../audit/access-log';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { EVENT_STORE } from '../event-store/event-store.module';
import { AllStreamFollower } from '../projections/projection-host';
import { ReadConsistency } from '../consistency/read-consistency';
import { DTASK_DECIDER } from './dtask-decider.provider';
import { Referral, referralOf } from './referral';
import { TaskBoard } from './task-board.read-model';

const CorrelationId = z.uuid();

/** A receiving service's own inbox: the referrals addressed to it that wait for its answer. */
@ApiTags('handoffs')
@ApiBearerAuth()
@Controller('api/handoffs')
export class HandoffsController {
  constructor(
    private readonly board: TaskBoard,
    private readonly follower: AllStreamFollower,
    private readonly consistency: ReadConsistency,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DTASK_DECIDER) private readonly decider: DTaskDecider,
    private readonly accessLog: AccessLog,
  ) {}

  /**
   * Each referral with its package (contract v1.1). The board says which tasks await this service;
   * each one's stream, read now, gives the package and confirms it still waits. Every package
   * returned is a logged read by the partner (S7: a disclosure to another service), written before
   * the answer; if the log cannot be written, nothing is returned.
   */
  @Get()
  @Roles('partner')
  @Header('Cache-Control', 'no-store')
  async list(@CurrentActor() actor: Actor, @Headers('x-correlation-id') correlation?: string) {
    await this.consistency.reach('own-writes');
    const service = actor.service;
    if (!service) return { handoffs: [] };
    const addressed = [...this.board.open.values()].filter((task) => task.status === 'awaiting-handoff' && task.handoff?.target === service);
    // Streams are read side by side, and the reads logged side by side: the store commits those
    // appends together, so a few dozen referrals cost about one write.
    const referrals = (await Promise.all(addressed.map((task) => this.openReferral(task.taskId!, service)))).filter(
      (referral): referral is Referral => referral !== undefined,
    );
    const correlationId = correlation && CorrelationId.safeParse(correlation).success ? correlation : randomUUID();
    await Promise.all(referrals.map((referral) => this.accessLog.personalDataRead(actor, referral.taskId, 'referral', correlationId)));
    referrals.sort((a, b) => a.answerBy.localeCompare(b.answerBy) || a.taskId.localeCompare(b.taskId));
    return { handoffs: referrals };
  }

  /** The referral as the task's stream has it now, or undefined if it no longer waits for `service`. */
  private async openReferral(taskId: string, service: string): Promise<Referral | undefined> {
    const history = (await this.store.readStream(dtaskStreamId(taskId))).map(fromRecorded);
    const state = history.reduce(
      (folded, event) => this.decider.evolve(folded, toTimedEvent(event.type, event.data, event.metadata as EventMetadata)),
      this.decider.initialState,
    );
    if (state.status !== 'awaiting-handoff' || state.handoff?.target !== service) return undefined;
    return referralOf(taskId, history, service);
  }
}

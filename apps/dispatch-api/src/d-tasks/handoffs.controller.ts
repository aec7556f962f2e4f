import { Controller, Get, Header, Headers } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DTaskState } from '@dtask/domain';
import { DTaskService } from '@dtask/dtask-service';
import { AccessLog } from '../audit/access-log';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { ReadConsistency } from '../consistency/read-consistency';
import { correlationIdOf } from '../http/command-context.decorator';
import { Referral, referralOf } from './referral';
import { TaskBoard } from './task-board.read-model';

/** A receiving service's own inbox: the referrals addressed to it that wait for its answer, or for its report of the visit. */
@ApiTags('handoffs')
@ApiBearerAuth()
@Controller('api/handoffs')
export class HandoffsController {
  constructor(
    private readonly board: TaskBoard,
    private readonly consistency: ReadConsistency,
    private readonly service: DTaskService,
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
    const addressed = [...this.board.open.values()].filter((task) => isAddressedTo(task, service));
    // Streams are read side by side, and the reads logged side by side: the store commits those
    // appends together, so a few dozen referrals cost about one write.
    const referrals = (await Promise.all(addressed.map((task) => this.openReferral(task.taskId!, service)))).filter(
      (referral): referral is Referral => referral !== undefined,
    );
    const correlationId = correlationIdOf(correlation);
    await Promise.all(referrals.map((referral) => this.accessLog.personalDataRead(actor, referral.taskId, 'referral', correlationId)));
    // What is due soonest first: an answer by its S6 limit, a visit report by its visit limit.
    referrals.sort((a, b) => dueBy(a).localeCompare(dueBy(b)) || a.taskId.localeCompare(b.taskId));
    return { handoffs: referrals };
  }

  /** The referral as the task's stream has it now, or undefined if it no longer waits for `service`. */
  private async openReferral(taskId: string, service: string): Promise<Referral | undefined> {
    const { history, state } = await this.service.read(taskId);
    if (!isAddressedTo(state, service)) return undefined;
    return referralOf(taskId, history, service, state.visit);
  }
}

/** Waiting for this service: its answer to the redirect, or (accepted) its report of the visit. */
const isAddressedTo = (task: DTaskState, service: string) =>
  (task.status === 'awaiting-handoff' && task.handoff?.target === service) || (task.status === 'awaiting-visit' && task.visit?.target === service);

const dueBy = (referral: Referral) => referral.visitBy ?? referral.answerBy;

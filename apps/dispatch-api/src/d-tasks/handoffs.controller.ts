import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { AllStreamFollower } from '../projections/projection-host';
import { DTaskCommandExecutor } from './command-executor';
import { TaskBoard } from './task-board.read-model';

/** A receiving service's own inbox: the handoffs addressed to it that wait for an answer. */
@ApiTags('handoffs')
@ApiBearerAuth()
@Controller('api/handoffs')
export class HandoffsController {
  constructor(
    private readonly board: TaskBoard,
    private readonly follower: AllStreamFollower,
    private readonly executor: DTaskCommandExecutor,
  ) {}

  @Get()
  @Roles('partner')
  async list(@CurrentActor() actor: Actor) {
    await this.follower.waitFor(this.executor.lastWrittenPosition);
    const handoffs = [...this.board.open.values()]
      .filter((task) => task.status === 'awaiting-handoff' && task.handoff?.target === actor.service)
      .map((task) => ({
        taskId: task.taskId!,
        area: task.area!,
        municipality: task.municipality!,
        ...(task.ageYears === undefined ? {} : { ageYears: task.ageYears }),
        deadline: task.handoff!.deadline,
      }))
      .sort((a, b) => a.deadline.localeCompare(b.deadline));
    return { handoffs };
  }
}

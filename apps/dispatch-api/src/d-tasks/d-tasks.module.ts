import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ReportsModule } from '../reports/reports.module';
import { ApplyDTaskCommandHandler } from './commands/apply-dtask-command';
import { IntakeDTaskHandler } from './commands/intake-dtask';
import { DeadlineScheduler } from './deadline-scheduler';
import { DTasksController } from './d-tasks.controller';
import { HandoffsController } from './handoffs.controller';
import { GetQueueHandler } from './queries/get-queue';
import { GetTaskHandler } from './queries/get-task';
import { RecallsController } from './recalls.controller';
import { TaskBoard } from './task-board.read-model';
import { TaskCommands } from './task-commands';
import { TriageController } from './triage.controller';
import { WorldController } from './world.controller';

@Module({
  imports: [CqrsModule, ReportsModule],
  controllers: [DTasksController, TriageController, WorldController, RecallsController, HandoffsController],
  providers: [
    TaskBoard,
    TaskCommands,
    DeadlineScheduler,
    IntakeDTaskHandler,
    ApplyDTaskCommandHandler,
    GetQueueHandler,
    GetTaskHandler,
  ],
  exports: [TaskBoard, DeadlineScheduler],
})
export class DTasksModule {}

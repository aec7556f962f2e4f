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
import { TaskBoard } from './task-board.read-model';

@Module({
  imports: [CqrsModule, ReportsModule],
  controllers: [DTasksController, HandoffsController],
  providers: [
    TaskBoard,
    DeadlineScheduler,
    IntakeDTaskHandler,
    ApplyDTaskCommandHandler,
    GetQueueHandler,
    GetTaskHandler,
  ],
  exports: [TaskBoard, DeadlineScheduler],
})
export class DTasksModule {}

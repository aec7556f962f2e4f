import { Module } from '@nestjs/common';
import { DTasksModule } from '../d-tasks/d-tasks.module';
import { LoadModule } from '../load/load.module';
import { DeskController } from './desk.controller';

@Module({ imports: [DTasksModule, LoadModule], controllers: [DeskController] })
export class DeskModule {}

import { Module } from '@nestjs/common';
import { DTasksModule } from '../d-tasks/d-tasks.module';
import { ReportsModule } from '../reports/reports.module';
import { LoadController } from './load.controller';
import { LoadService } from './load.service';

@Module({ imports: [DTasksModule, ReportsModule], controllers: [LoadController], providers: [LoadService], exports: [LoadService] })
export class LoadModule {}

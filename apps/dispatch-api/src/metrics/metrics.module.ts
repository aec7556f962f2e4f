import { Module } from '@nestjs/common';
import { DTasksModule } from '../d-tasks/d-tasks.module';
import { LiveModule } from '../live/live.module';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';

@Module({ imports: [DTasksModule, LiveModule], controllers: [MetricsController], providers: [MetricsService] })
export class MetricsModule {}

import { Global, Module } from '@nestjs/common';
import { ReportsModule } from '../reports/reports.module';
import { OutcomesController } from './outcomes.controller';
import { OutcomesReadModel } from './outcomes.read-model';

/** The outcome read model, for the load-reduction report as well as its own route. */
@Global()
@Module({ providers: [OutcomesReadModel], exports: [OutcomesReadModel] })
export class OutcomesModule {}

/** `GET /api/reports/outcomes`: reads the report's task facts, so it sits apart from the global read model. */
@Module({ imports: [ReportsModule], controllers: [OutcomesController] })
export class OutcomesReportModule {}

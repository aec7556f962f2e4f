import { Module } from '@nestjs/common';
import { ReportsModule } from '../reports/reports.module';
import { ExportsController } from './exports.controller';

@Module({ imports: [ReportsModule], controllers: [ExportsController] })
export class ExportsModule {}

import { Module } from '@nestjs/common';
import { ReportsController } from './reports.controller';
import { TaskFactsReadModel } from './task-facts.read-model';

@Module({ controllers: [ReportsController], providers: [TaskFactsReadModel], exports: [TaskFactsReadModel] })
export class ReportsModule {}

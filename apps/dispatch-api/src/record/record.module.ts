import { Module } from '@nestjs/common';
import { RecordController } from './record.controller';

/** The record of care; the task service, the access log and the directory are the service's shared ones. */
@Module({ controllers: [RecordController] })
export class RecordModule {}

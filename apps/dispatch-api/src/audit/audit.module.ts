import { Module } from '@nestjs/common';
import { PersonalDataReadsController } from './personal-data-reads.controller';

/** The access log's route; the log itself (AccessLog) is the privacy module's, shared by every reader. */
@Module({ controllers: [PersonalDataReadsController] })
export class AuditModule {}

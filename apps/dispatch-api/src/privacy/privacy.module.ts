import { Global, Module } from '@nestjs/common';
import { Pseudonymiser } from '@dtask/read-models';
import { AccessLog } from '../audit/access-log';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { PatientIndexReadModel } from './patient-index.read-model';

@Global()
@Module({
  providers: [
    { provide: Pseudonymiser, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new Pseudonymiser(config.PSEUDONYM_KEY) },
    AccessLog,
    PatientIndexReadModel,
  ],
  exports: [Pseudonymiser, AccessLog, PatientIndexReadModel],
})
export class PrivacyModule {}

import { Global, Module } from '@nestjs/common';
import { Pseudonymiser } from '@dtask/read-models';
import { AccessLog } from '../audit/access-log';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

@Global()
@Module({
  providers: [
    { provide: Pseudonymiser, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new Pseudonymiser(config.PSEUDONYM_KEY) },
    AccessLog,
  ],
  exports: [Pseudonymiser, AccessLog],
})
export class PrivacyModule {}

import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { RedirectTargetHandler } from './redirect-target.query';
import { OULU_AREA_SERVICES, ServiceDirectory } from './service-directory';
import { ServicesController } from './services.controller';

@Global()
@Module({
  controllers: [ServicesController],
  providers: [
    {
      provide: ServiceDirectory,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        config.SERVICES_FILE ? ServiceDirectory.fromFile(config.SERVICES_FILE) : new ServiceDirectory(OULU_AREA_SERVICES),
    },
    RedirectTargetHandler,
  ],
  exports: [ServiceDirectory],
})
export class ServicesModule {}

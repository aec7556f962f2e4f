import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { ServiceDirectory } from '../services-directory/service-directory';

const SECRETS = new Set<keyof AppConfig>(['DEV_TOKEN_SECRET', 'PSEUDONYM_KEY']);

/** What this instance runs with: the safety limits in force, the store, the directory. Secrets redacted. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('api/admin')
export class AdminController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly directory: ServiceDirectory,
  ) {}

  @Get('config')
  @Roles('admin')
  effectiveConfig() {
    const settings = Object.fromEntries(
      Object.entries(this.config).map(([key, value]) => [key, SECRETS.has(key as keyof AppConfig) ? '(set, redacted)' : value]),
    );
    if (settings.EVENTSTORE_URL) settings.EVENTSTORE_URL = String(settings.EVENTSTORE_URL).replace(/\/\/[^@/]*@/, '//(credentials)@');
    return { settings, services: this.directory.services };
  }
}

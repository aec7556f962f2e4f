import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { AppConfig, redactConnectionString, SECRET_SETTINGS } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { ServiceDirectory } from '../services-directory/service-directory';

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
      Object.entries(this.config).map(([key, value]) => [key, SECRET_SETTINGS.has(key) ? '(set, redacted)' : value]),
    );
    // A password may hold `@`, `/` or `:`: everything up to the host list's last `@` is hidden.
    if (settings.EVENTSTORE_URL) settings.EVENTSTORE_URL = redactConnectionString(String(settings.EVENTSTORE_URL));
    return { settings, services: this.directory.services };
  }
}

import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { ServiceDirectory } from './service-directory';

@ApiTags('services')
@ApiBearerAuth()
@Controller('api/services')
export class ServicesController {
  constructor(private readonly directory: ServiceDirectory) {}

  @Get()
  @Roles('nurse', 'supervisor', 'partner', 'analyst', 'admin', 'erc')
  list() {
    return { services: this.directory.services.map(({ id, name, kind }) => ({ id, name, kind })) };
  }
}

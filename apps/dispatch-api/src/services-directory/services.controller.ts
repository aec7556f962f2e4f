import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { StaffRole } from '@dtask/events';
import { z } from 'zod';
import { Roles } from '../auth/roles.decorator';
import { ApiZodQuery } from '../http/openapi';
import { zodPipe } from '../http/zod-validation.pipe';
import { RedirectService, ServiceDirectory } from './service-directory';

const DirectoryQuery = z.object({ municipality: z.string().trim().min(1, 'must name a municipality').max(64).optional() }).strict();

@ApiTags('services')
@ApiBearerAuth()
@Controller('api/services')
export class ServicesController {
  constructor(private readonly directory: ServiceDirectory) {}

  /**
   * The directory of redirect targets. `?municipality=Oulu` keeps only those that serve it, which
   * are the only ones a redirect of a patient there may name (409 otherwise). Every role may read it.
   */
  @Get()
  @Roles(...StaffRole.options)
  @ApiZodQuery(DirectoryQuery)
  list(@Query(zodPipe(DirectoryQuery)) query: z.infer<typeof DirectoryQuery>) {
    const services = query.municipality === undefined ? this.directory.services : this.directory.servingMunicipality(query.municipality);
    return { services: services.map(entryOf) };
  }
}

/** `municipalities` appears only on a service that serves some of the region, as in the directory. */
function entryOf({ id, name, nameSv, kind, municipalities }: RedirectService) {
  return { id, name, ...(nameSv ? { nameSv } : {}), kind, ...(municipalities ? { municipalities } : {}) };
}

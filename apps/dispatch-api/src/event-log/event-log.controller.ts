import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { EventStore } from '@dtask/event-store';
import { analystView, Pseudonymiser } from '@dtask/read-models';
import { z } from 'zod';
import { Roles } from '../auth/roles.decorator';
import { EVENT_STORE } from '../event-store/event-store.module';
import { ApiZodQuery } from '../http/openapi';
import { zodPipe } from '../http/zod-validation.pipe';

const EventLogQuery = z
  .object({
    fromPosition: z.string().regex(/^\d{1,20}$/, 'must be a position string').optional(),
    limit: z.coerce.number().int().min(1).max(5000).default(500),
  })
  .strict();

/** The global event log of D-tasks for analysts: pseudonymised, in `$all` order, in pages. */
@ApiTags('events')
@ApiBearerAuth()
@Controller('api/events')
export class EventLogController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly pseudonymiser: Pseudonymiser,
  ) {}

  @Get()
  @Roles('analyst')
  @ApiZodQuery(EventLogQuery)
  async list(@Query(zodPipe(EventLogQuery)) query: z.infer<typeof EventLogQuery>) {
    const batch = await this.store.readAll({ fromPosition: query.fromPosition, maxCount: query.limit });
    const events = batch.events.filter((event) => event.streamId.startsWith('dtask-')).map((recorded) => analystView(recorded, this.pseudonymiser));
    return { events, nextPosition: batch.lastPosition ?? null, isEnd: batch.isEnd };
  }
}

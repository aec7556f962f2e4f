import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { EventStore } from '@dtask/event-store';
import { taskIdFromStreamId } from '@dtask/events';
import { analystView, Pseudonymiser } from '@dtask/read-models';
import { z } from 'zod';
import { Roles } from '../auth/roles.decorator';
import { EVENT_STORE } from '../event-store/event-store.module';
import { ApiZodQuery } from '../http/openapi';
import { zodPipe } from '../http/zod-validation.pipe';

const MAX_POSITION = 2n ** 64n - 1n;

const EventLogQuery = z
  .object({
    // A position as the store writes it: no leading zero, at most 2^64 - 1 (the store refuses others).
    fromPosition: z
      .string()
      .regex(/^(0|[1-9][0-9]{0,19})$/, 'must be an event position as nextPosition gives it (decimal digits, no leading zero)')
      .refine((position) => !/^[0-9]+$/.test(position) || BigInt(position) <= MAX_POSITION, 'must be an event position no greater than 18446744073709551615')
      .optional(),
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
    const events = batch.events.filter((event) => taskIdFromStreamId(event.streamId) !== undefined).map((recorded) => analystView(recorded, this.pseudonymiser));
    return { events, nextPosition: batch.lastPosition ?? null, isEnd: batch.isEnd };
  }
}

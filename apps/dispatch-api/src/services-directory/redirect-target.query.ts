import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { dtaskStreamId } from '@dtask/events';
import { EventStore } from '@dtask/event-store';
import { EVENT_STORE } from '../event-store/event-store.module';
import { ConflictError, TaskNotFoundError } from '../http/error.filter';
import { RedirectService, ServiceDirectory } from './service-directory';

/** May this task be redirected to this service? Answers the service, or throws the 404/409 to send. */
export class RedirectTargetQuery {
  constructor(
    readonly taskId: string,
    readonly target: string,
  ) {}
}

/**
 * A redirect names a service from the directory that serves the patient's municipality (contract
 * v1.1). The municipality is the intake's (`DTaskReceived`, the stream's first event), which no
 * later event changes, so checking it before the decision is appended cannot go stale.
 */
@QueryHandler(RedirectTargetQuery)
export class RedirectTargetHandler implements IQueryHandler<RedirectTargetQuery, RedirectService> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly directory: ServiceDirectory,
  ) {}

  async execute({ taskId, target }: RedirectTargetQuery): Promise<RedirectService> {
    const service = this.directory.find(target);
    if (!service) throw new ConflictError('unknown-service', `no service ${target} in the directory`);
    const [first] = await this.store.readStream(dtaskStreamId(taskId), { maxCount: 1 });
    if (first?.type !== 'DTaskReceived') throw new TaskNotFoundError(taskId);
    const municipality = (first.data as { municipality?: unknown }).municipality;
    if (typeof municipality !== 'string' || !this.directory.serves(service, municipality)) {
      throw new ConflictError('target-does-not-serve-municipality', `${service.name} does not serve ${String(municipality)}`);
    }
    return service;
  }
}

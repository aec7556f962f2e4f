import { DTaskCommand, TimedEvent } from '@dtask/domain';
import { DTaskEvent, SerializedEvent, toEventToAppend } from '@dtask/events';
import { CommandIdentity } from './command-identity';

/**
 * The events one command decided, ready to append: each says who did it, when, in which request
 * (correlation), and which command wrote it (causation, with the command's type). The service and
 * the year generator stamp the same way, so a generated year reads like one the service wrote.
 */
export function stampEvents(events: readonly TimedEvent[], command: DTaskCommand, identity: CommandIdentity, correlationId?: string): SerializedEvent[] {
  const actor = { id: command.actor.id, role: command.actor.role };
  const causation = { correlationId: correlationId ?? identity.commandId, causationId: identity.commandId, commandType: command.type };
  return events.map(({ at, ...event }, index) => {
    const eventId = identity.eventId(index);
    return toEventToAppend(event as DTaskEvent, { actor, occurredAt: at, ...causation, ...(eventId ? { eventId } : {}) });
  });
}

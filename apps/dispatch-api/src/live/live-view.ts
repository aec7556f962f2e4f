import { RecordedEvent } from '@dtask/event-store';
import { taskIdFromStreamId } from '@dtask/events';
import { Pseudonymiser } from '@dtask/read-models';
import { Actor } from '../auth/actor';

// v1.1: the visit's report and its limit too, so the service's list of visits to report stays current.
const HANDOFF_EVENTS = new Set(['RedirectRequested', 'HandoffAccepted', 'HandoffDeclined', 'HandoffTimedOut', 'HandoffCompleted', 'HandoffFailed', 'HandoffVisitOverdue', 'HandoffWithdrawn']);

export interface LiveEvent {
  position: string;
  type: string;
  streamId: string;
  data: unknown;
  metadata: unknown;
}

/** Roles that may open the live channel. */
export const LIVE_ROLES = new Set(['nurse', 'supervisor', 'partner', 'analyst']);

/**
 * What one client may see of an event, or undefined when it may not see it at all. The live
 * channel never carries personal data: task detail is fetched over HTTP, where each read is logged.
 * A partner sees only the handoffs addressed to its own service.
 */
export function liveViewOf(event: RecordedEvent, actor: Actor, pseudonymiser: Pseudonymiser): LiveEvent | undefined {
  if (taskIdFromStreamId(event.streamId) === undefined) return undefined;
  if (actor.role === 'partner') {
    const target = (event.data as { target?: unknown }).target;
    if (!HANDOFF_EVENTS.has(event.type) || target !== actor.service) return undefined;
  }
  const view = pseudonymiser.event({ type: event.type, data: event.data, metadata: event.metadata });
  return { position: event.position, type: event.type, streamId: event.streamId, data: view.data, metadata: view.metadata };
}

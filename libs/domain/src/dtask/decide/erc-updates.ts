import { EventData } from '@dtask/events';
import { CommandOf } from '../commands';
import { dueRecalls, isWaitingForUnit, nextRecallId } from '../recalls';
import { ReceivedTask } from '../state';
import { closed, Emit } from './emit';
import { requireOpen } from './guards';

/** The ERC sending the same update again within this long is one update, written once. */
export const ERC_UPDATE_REPEAT_SECONDS = 60;

/**
 * What the ERC tells of a task while it is open: new information and repeat calls are recorded
 * (the flag, the queue and the owner's notice follow from the event); an urgency raised to A, B or
 * C means the ERC dispatches itself, and the task closes as escalated, for good. To D it is recorded
 * only: an urgency here is never lowered.
 *
 * On a closed task every kind is refused, new information too: the ERC must learn it was not
 * taken, so it acts on it itself (a changed address for a unit already sent, a new call as a new
 * task), rather than believe someone here will. A repeat of the update that closed it is not.
 */
export function receiveErcUpdate(command: CommandOf<'ReceiveErcUpdate'>, state: ReceivedTask): Emit {
  if (isRepeat(command, state)) return [];
  requireOpen(state);
  const { update } = command;
  const received: Emit = [{ type: 'ErcUpdateReceived', data: update }];
  const raised = update.kind === 'urgency-changed' && update.urgency !== undefined && update.urgency !== 'D';
  if (raised) return [...received, closed('escalated')];
  return update.kind === 'repeat-call' ? [...received, ...recallNowWhileWaitingForUnit(command, state), ...takenBackFromService(state)] : received;
}

/**
 * A repeat call while a receiving service has the patient (its answer or its visit still awaited):
 * nobody here would hear of it until the service's limit, so the centre takes the patient back,
 * to the top of the queue, for a nurse to assess at once.
 */
function takenBackFromService(state: ReceivedTask): Emit {
  const target = state.status === 'awaiting-handoff' ? state.handoff.target : state.status === 'awaiting-visit' ? state.visit.target : undefined;
  return target === undefined ? [] : [{ type: 'HandoffWithdrawn', data: { target, reason: 'repeat-call' } }];
}

/**
 * A repeat call while the patient waits for a D unit: the task is in no queue (it is decided), so
 * a welfare recall falls due at once and brings it back, first, to a nurse (S8), unless one is due already.
 */
function recallNowWhileWaitingForUnit(command: CommandOf<'ReceiveErcUpdate'>, state: ReceivedTask): Emit {
  if (!isWaitingForUnit(state) || dueRecalls(state, command.at).some((recall) => recall.reason === 'waiting-for-unit')) return [];
  return [{ type: 'RecallScheduled', data: { recallId: nextRecallId(state, 'waiting-for-unit'), dueAt: command.at, reason: 'waiting-for-unit' } }];
}

/** The same body as the task's last ERC update, less than a minute after it. */
function isRepeat(command: CommandOf<'ReceiveErcUpdate'>, state: ReceivedTask): boolean {
  const last = state.lastErcUpdate;
  if (!last) return false;
  const ageMs = Date.parse(command.at) - Date.parse(last.at);
  return ageMs >= 0 && ageMs < ERC_UPDATE_REPEAT_SECONDS * 1000 && sameUpdate(last.data, command.update);
}

const FIELDS = ['kind', 'notes', 'callbackPhone', 'address', 'urgency'] as const satisfies readonly (keyof EventData<'ErcUpdateReceived'>)[];
/** Every field of the update counts: a field added to the event and left out here fails to compile. */
const EVERY_FIELD: Exclude<keyof EventData<'ErcUpdateReceived'>, (typeof FIELDS)[number]> extends never ? true : never = true;
const sameUpdate = (a: EventData<'ErcUpdateReceived'>, b: EventData<'ErcUpdateReceived'>) => EVERY_FIELD && FIELDS.every((field) => a[field] === b[field]);

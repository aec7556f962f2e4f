import { inContact } from './in-contact';
import { dueRecalls } from './recalls';
import { DTaskState } from './state';

export type DTaskFlag =
  | 'second-contact'
  | 's2-alert'
  | 'handoff-returned'
  | 'red-flags'
  | 'escalated'
  | 'unreachable'
  | 'follow-up-pending'
  | 'received-at-corrected'
  // v1.1
  | 'repeat-call'
  | 'duplicate-open'
  | 'recall-due'
  | 'identity-unverified'
  /** S8 supervisor alerts, standing while the D unit has not reached the scene. */
  | 'unit-overdue'
  | 'recalls-failed';

/**
 * The flags the queue and the task view show. `recall-due` needs the time it is asked at: without
 * `now` it is left out (a recall falls due by the clock alone, with no event to say so).
 */
export function flagsOf(state: DTaskState, now?: string): DTaskFlag[] {
  const flags: DTaskFlag[] = [];
  if (state.secondContact) flags.push('second-contact');
  if (state.s2Alerted && !state.contactAt && !state.unitRequested) flags.push('s2-alert');
  if (state.handoffReturned) flags.push('handoff-returned');
  if (state.redFlags.length > 0) flags.push('red-flags');
  if (state.escalated) flags.push('escalated');
  if (state.unitRequested?.reason === 'unreachable' && stillUnreached(state)) flags.push('unreachable');
  if (state.followUp) flags.push('follow-up-pending');
  if (state.receivedAtCorrected) flags.push('received-at-corrected');
  if (state.repeatCalls) flags.push('repeat-call');
  if (state.linkedTaskIds.length > 0) flags.push('duplicate-open');
  if (now !== undefined && dueRecalls(state, now).length > 0) flags.push('recall-due');
  if (state.identityUnverified) flags.push('identity-unverified');
  if (state.unitWait?.overdue) flags.push('unit-overdue');
  if (state.unitWait?.recallsFailed) flags.push('recalls-failed');
  return flags;
}

/**
 * S1 sent a unit to a patient not reached, and nobody has reached them since (S8's welfare recall,
 * or a callback) nor is the unit on scene. S1 on callbacks or its time rule fires out of contact, so
 * contact now (in-contact.ts) is contact since; S1 on a failed recall after advice fires in contact,
 * so there only the welfare recall tells.
 */
export function stillUnreached(state: DTaskState): boolean {
  if (state.unitOnSceneAt !== undefined) return false;
  const firedOnRecall = state.recalls.some((recall) => recall.done === 'unit-requested' && recall.failedAttempts > 0);
  if (!firedOnRecall && inContact(state)) return false;
  return !state.recalls.some((recall) => recall.reason === 'waiting-for-unit' && recall.done === 'reached');
}

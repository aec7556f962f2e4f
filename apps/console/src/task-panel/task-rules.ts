import { HistoryEvent, isPendingRecall, Session, TaskDetail } from '../api';
import { HANDOFF_RETURNS } from '../../../../libs/domain/src/dtask/handoff-returns';
import type { DecisionKind, Drafts } from './task-drafts';

export type TaskRules = ReturnType<typeof taskRules>;

/** The domain's list of the ways a service gives the patient back: the decider asks the same of them. */
const RETURNS: ReadonlySet<string> = new Set(HANDOFF_RETURNS);

/** A service gave the patient back with this event. */
export const isReturn = (type: string) => RETURNS.has(type);

/** A call that reached the patient: a reached recall is contact as a reached callback is (the decider's inContact). */
export const isReachedCall = (event: HistoryEvent) => (event.type === 'CallbackAttempted' || event.type === 'RecallCompleted') && event.data.outcome === 'reached';

const DECIDING = new Set(['PhoneAdviceGiven', 'RedirectRequested', 'UnitRequested', 'UnitAttachedByField', 'UrgencyEscalated']);

/** An event that decided the task (a unit, advice, a redirect, an escalation), the decider's `decided`. */
export const isDeciding = (event: HistoryEvent) => DECIDING.has(event.type);

/** What a no-unit decision still lacks in the saved assessments: S9's verified identity, and findings of this contact. */
export type NoUnitNeed = 'identity' | 'symptoms';

/**
 * Where the contact so far became old news, as the decider's contactMadeOld has it: the last return
 * of a service, or a repeat call to 112 after the patient was reached and before a decision.
 */
export function contactMadeOld(history: readonly HistoryEvent[]): { index: number; by?: 'return' | 'repeat-call' } {
  let found: { index: number; by?: 'return' | 'repeat-call' } = { index: -1 };
  let reached = false;
  let decided = false;
  history.forEach((event, index) => {
    if (isReturn(event.type)) {
      found = { index, by: 'return' };
      reached = decided = false;
    } else if (event.type === 'ErcUpdateReceived' && event.data.kind === 'repeat-call' && reached && !decided) {
      found = { index, by: 'repeat-call' };
      reached = false;
    } else {
      reached ||= isReachedCall(event);
      decided ||= DECIDING.has(event.type);
    }
  });
  return found;
}

/** What the panel offers for one task, from the task as the server sent it, who looks, and what is typed. */
export function taskRules(task: TaskDetail, session: Session, drafts: Drafts) {
  const mine = task.owner === session.sub;
  // A decided task whose follow-up call is due is worked on its own card, not as a new first call.
  const inFollowUp = task.followUp !== null && task.decision !== null;
  // Taken up again after its decision (a follow-up, a recall while the unit is on its way): the first call's forms are done.
  const decidedBefore = task.decision !== null || task.unitRequested !== null;
  // Only the holder works the task, supervisors included: opening a nurse's task to look is never acting on it.
  const canAct = task.status === 'claimed' && mine && !decidedBefore;
  const recorded = task.history.filter((event) => event.type === 'AssessmentRecorded');
  const recordedFlags = [...new Set(recorded.flatMap((event) => (event.data.redFlags as string[]) ?? []))];
  const recordedConcern = recorded.some((event) => event.data.concern === true);
  // A service that gave the patient back, or a repeat call to 112 after the patient was reached, leaves the
  // nurse to reach the patient and assess again: only what happened since then counts for that.
  const madeOld = contactMadeOld(task.history);
  const since = task.history.slice(madeOld.index + 1);
  const returned = madeOld.by !== undefined;
  const reached = since.some(isReachedCall);
  const assessedAgain = since.some((event) => event.type === 'AssessmentRecorded');
  /** Not yet reached again: the panel asks for it, saying why; once reached, for the new assessment. */
  const recontactNeeded = returned && !reached ? madeOld.by : undefined;
  const reassessNeeded = returned && reached && !assessedAgain;
  const mustEscalate = drafts.flags.length > 0 || drafts.concern || recordedFlags.length > 0 || recordedConcern;
  const followUpOpen = inFollowUp && task.status !== 'closed';
  const holding = task.status === 'claimed' && mine;
  const followUpMine = followUpOpen && holding;
  // Advice and redirects need a reached patient and a saved assessment (since any return); until then only a unit can be sent.
  const noUnitAllowed = reached && assessedAgain;
  // S4: on a second contact, phone advice waits for the supervisor's override; say so before the nurse types it.
  const adviceNeedsOverride = task.flags.includes('second-contact') && !task.overrides.includes('S4-second-contact');
  // S9: an identity found unverified, saved or being typed, leaves only a unit (a saved verified one lifts it).
  const identityUnverified = task.identity === 'unverified' || drafts.identity === 'unverified';
  // S9: advice and a redirect record how the identity was checked; the last assessment that told must say verified.
  const toldIdentity = recorded.filter((event) => event.data.identity).at(-1)?.data.identity;
  const symptomsSaved = since.some((event) => event.type === 'AssessmentRecorded' && String(event.data.symptoms ?? '').trim() !== '');
  const noUnitNeeds: NoUnitNeed[] = [...(toldIdentity === 'verified' ? [] : ['identity' as const]), ...(symptomsSaved ? [] : ['symptoms' as const])];
  const allowed = (option: DecisionKind) => option === 'send-unit' || (noUnitAllowed && !identityUnverified && !(option === 'phone-advice' && adviceNeedsOverride));
  // The tab shown is always one that may be chosen: never a no-unit form the nurse cannot confirm.
  const kind: DecisionKind = allowed(drafts.kind) ? drafts.kind : allowed('redirect') ? 'redirect' : 'send-unit';
  // With a follow-up call pending, only the nurse who holds the task (or a supervisor) may close it.
  const mayClose = canClose(task) && (mine || session.role === 'supervisor' || (!task.owner && !followUpOpen));
  // A recall is recorded by the holder; one is booked by the holder, or on a decided task no one holds.
  const open = task.status !== 'closed';
  const recallsMine = holding && open;
  const mayScheduleRecall = open && (holding || (task.status === 'decided' && !task.owner));
  // Taken up for a recall, the task goes back to wait for its unit (or its next call) when she lets it go.
  const releaseAfterRecall = holding && decidedBefore && !followUpOpen;
  // The service takes a consult from the holder before the decision or after it (taken up again for a recall or a follow-up).
  const mayConsult = holding && open && (decidedBefore || reached);
  return {
    mine, inFollowUp, canAct, recorded, recordedFlags, recordedConcern, reached, recontactNeeded, reassessNeeded, mustEscalate, followUpOpen, holding, followUpMine,
    adviceNeedsOverride, identityUnverified, noUnitNeeds, allowed, kind, mayClose, recallsMine, mayScheduleRecall, releaseAfterRecall, mayConsult, decidedBefore,
  };
}

/**
 * A task may be closed by hand once its unit is sent, or when its advice follow-up is no longer
 * needed; not while its patient waits for a D unit (S8): it closes when the mission ends.
 */
function canClose(task: TaskDetail): boolean {
  const waitingForUnit = task.recalls.some((recall) => recall.reason === 'waiting-for-unit' && isPendingRecall(recall));
  return task.status === 'decided' && !waitingForUnit && (task.unitRequested !== null || task.decision === 'phone-advice');
}

/**
 * Why text the nurse typed is out of its form because the world changed the task: it closed under
 * her, a unit was sent without her decision, or the patient must be reached again first (a repeat
 * call, a service giving the patient back). Undefined while the form that holds it is in reach.
 */
export function draftsOutOfForm(task: TaskDetail): 'closed' | 'unit' | 'recontact' | undefined {
  if (task.status === 'closed') return 'closed';
  const madeOld = contactMadeOld(task.history);
  if (madeOld.by !== undefined && !task.history.slice(madeOld.index + 1).some(isReachedCall)) return 'recontact';
  const unitWithoutHer = task.history.some((event) => event.type === 'UnitAttachedByField' || (event.type === 'UnitRequested' && (event.data.reason === 'unreachable' || event.data.reason === 'waiting-limit')));
  return unitWithoutHer ? 'unit' : undefined;
}

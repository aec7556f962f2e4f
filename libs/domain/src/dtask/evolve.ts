import { EventData } from '@dtask/events';
import { dispositionOf } from './disposition';
import { foldErcUpdate } from './erc-update';
import { contactMadeOld } from './in-contact';
import { waitingClockStart } from './receipt-time';
import { ending, hasPendingRecall, newRecall, withAttempt, withRecall } from './recalls';
import { DTaskFields, DTaskState, DTaskStatus, FOLLOW_UP_RECALL_ID, initialState, TimedEvent, UnitRequestedBy } from './state';

/**
 * Folds one event into the task's state. Pure: the given state is never changed. The new state is
 * one shallow copy, updated in place before anyone sees it, so every stage keeps the one object shape.
 */
export function evolve(state: DTaskState, event: TimedEvent): DTaskState {
  return foldInto({ ...state, revision: state.revision + 1 }, event);
}

/**
 * The same fold for a read model that owns its states and hands none out to keep (the task board):
 * the given state is changed and returned, no copy per event. `undefined` starts a task from a copy
 * of the initial state. The decider never calls it: its states stay values.
 */
export function evolveInPlace(state: DTaskState | undefined, event: TimedEvent): DTaskState {
  const owned: DTaskFields = state ?? { ...initialState };
  owned.revision += 1;
  return foldInto(owned, event);
}

/**
 * Applies the event to `next`, which the caller owns. Lists and nested records are replaced, never
 * changed, so a state that shares them with an earlier one (evolve's shallow copy) leaves it as it was.
 */
function foldInto(next: DTaskFields, event: TimedEvent): DTaskState {
  // A stream starts with its intake: nothing before it is a fact about a task.
  if (!next.exists && event.type !== 'DTaskReceived') return next as DTaskState;
  switch (event.type) {
    case 'DTaskReceived': {
      const { data } = event;
      next.exists = true;
      next.taskId = data.taskId;
      enter(next, 'waiting');
      // Events recorded before the intake corrected the ERC's time are corrected here, against the
      // moment they were written, so an old wrong clock cannot hold back S2 either.
      const start = data.receivedAtCorrected ? { receivedAt: data.receivedAt, correction: data.receivedAtCorrected } : waitingClockStart(data.receivedAt, event.at);
      next.receivedAt = start.receivedAt;
      next.receivedAtCorrected = start.correction;
      next.urgency = data.urgency;
      next.taskCode = data.taskCode;
      next.area = data.area;
      next.municipality = data.municipality;
      next.ageYears = data.patient.ageYears;
      break;
    }
    case 'DTaskCancelled':
      break;
    case 'DTaskClaimed':
      enter(next, 'claimed');
      next.owner = event.data.nurseId;
      next.claimedAt = atOf(event);
      break;
    case 'DTaskReleased':
      // A decided task held for a call back to its patient returns to the decided list.
      enter(next, next.followUp || (next.decision && hasPendingRecall(next)) ? 'decided' : 'waiting');
      break;
    case 'CallbackAttempted': {
      const reached = event.data.outcome === 'reached';
      next.callbackAttempts = event.data.attempt;
      next.contactAt = next.contactAt ?? (reached ? atOf(event) : undefined);
      if (reached) next.recontactNeeded = false;
      else {
        next.failedAttempts += 1;
        next.firstFailedAt = next.firstFailedAt ?? atOf(event);
      }
      break;
    }
    case 'AssessmentRecorded':
      // A red flag or concern, once recorded, stays: a later assessment cannot silently clear it (S3).
      next.assessed = true;
      next.redFlags = [...new Set([...next.redFlags, ...event.data.redFlags])];
      next.concern = next.concern || event.data.concern;
      // S9: an identity stays unverified until an assessment verifies it; one that does not tell changes nothing.
      if (event.data.identity) next.identityUnverified = event.data.identity === 'unverified';
      break;
    case 'UrgencyEscalated':
      next.escalated = true;
      next.urgency = event.data.to;
      break;
    case 'UnitRequested':
      next.urgency = event.data.urgency;
      unitDecided(next, event.data.reason, atOf(event), event.data.consultId);
      break;
    case 'UnitAttachedByField':
      unitDecided(next, 'field-commander', atOf(event));
      break;
    case 'PhoneAdviceGiven':
      next.decision = { kind: 'phone-advice', at: atOf(event), ...dispositionOf(event.data) };
      enter(next, 'decided');
      next.handoffReturned = false;
      break;
    case 'RedirectRequested':
      next.decision = { kind: 'redirect', at: atOf(event), ...dispositionOf(event.data) };
      enter(next, 'awaiting-handoff');
      next.handoff = { target: event.data.target, deadline: event.data.handoffDeadline };
      next.handoffReturned = false;
      break;
    case 'HandoffAccepted': {
      if (next.status !== 'awaiting-handoff') break;
      const { target, partnerId, visitBy } = event.data;
      // v1.1: accepted, the visit is awaited. Before it, acceptance was the end: decided, its closure came with it.
      if (visitBy === undefined) enter(next, 'decided');
      else {
        enter(next, 'awaiting-visit');
        next.visit = { target, partnerId, acceptedAt: atOf(event), visitBy };
      }
      break;
    }
    case 'HandoffCompleted':
      // The visit is done: decided, its closure comes with it.
      if (next.status === 'awaiting-visit') enter(next, 'decided');
      break;
    case 'ConsultRecorded':
      next.consults = [...next.consults, { consultId: event.data.consultId, consultant: event.data.consultant, at: atOf(event) }];
      break;
    case 'HandoffDeclined':
    case 'HandoffTimedOut':
    case 'HandoffFailed':
    case 'HandoffVisitOverdue':
    case 'HandoffWithdrawn':
      // Back to the queue, at its top: the decision has to be made again, with the patient on the
      // line. The call and the assessment before the referral are old news; S1 counts afresh.
      next.decision = undefined;
      enter(next, 'waiting');
      next.handoffReturned = true;
      contactMadeOld(next);
      break;
    case 'FollowUpScheduled':
      next.followUp = { dueAt: event.data.dueAt, failedAttempts: 0 };
      next.recalls = withRecall(next.recalls, newRecall(FOLLOW_UP_RECALL_ID, 'follow-up', event.data.dueAt));
      break;
    case 'FollowUpCompleted':
      if (!next.followUp) break;
      next.recalls = withAttempt(next.recalls, FOLLOW_UP_RECALL_ID, event.data.outcome === 'reached');
      if (event.data.outcome === 'reached') {
        // The safety-net call reached the patient: the advice stands, its closure comes with it.
        next.followUp = undefined;
        enter(next, 'decided');
      } else {
        next.followUp = { ...next.followUp, failedAttempts: next.followUp.failedAttempts + 1 };
      }
      break;
    case 'RecallScheduled': {
      const { recallId, reason, dueAt } = event.data;
      next.recalls = withRecall(next.recalls, newRecall(recallId, reason, dueAt));
      // S8 watches a D unit from its first welfare recall: streams from before S8 fold as they did.
      if (reason === 'waiting-for-unit' && !next.unitWait && next.unitRequested && !next.unitOnSceneAt) {
        next.unitWait = { requestedAt: next.unitRequested.at, overdue: false, recallsFailed: false };
      }
      break;
    }
    case 'RecallCompleted': {
      const reached = event.data.outcome === 'reached';
      next.recalls = withAttempt(next.recalls, event.data.recallId, reached);
      // A recall that reached the patient is clinical contact, as a reached callback is (S1, S2).
      if (reached) {
        next.contactAt = next.contactAt ?? atOf(event);
        next.recontactNeeded = false;
      }
      break;
    }
    case 'UnitUrgencyRaised':
      next.urgency = event.data.to;
      if (next.unitWait) next.unitWait = { ...next.unitWait, recallsFailed: true };
      break;
    case 'UnitOverdue':
      if (next.unitWait) next.unitWait = { ...next.unitWait, overdue: true };
      break;
    case 'WaitingLimitReached':
      if (event.data.level === 'alert') next.s2Alerted = true;
      break;
    case 'SecondContactFlagged':
      next.secondContact = true;
      break;
    case 'DuplicateOpenFlagged':
      if (!next.linkedTaskIds.includes(event.data.openTaskId)) next.linkedTaskIds = [...next.linkedTaskIds, event.data.openTaskId];
      break;
    case 'ErcUpdateReceived':
      foldErcUpdate(next, event.data, atOf(event));
      break;
    case 'OverrideGranted':
      next.overrides = [...next.overrides, event.data.rule];
      break;
    case 'MissionUpdated':
      // On scene, the unit's crew is with the patient: S8's watch and its recalls end.
      if (next.unitRequested && event.data.stage !== 'unit-assigned') {
        next.unitOnSceneAt = next.unitOnSceneAt ?? atOf(event);
        next.unitWait = undefined;
        next.recalls = ending(next.recalls, 'unit-on-scene', (recall) => recall.reason === 'waiting-for-unit');
      }
      break;
    case 'DTaskClosed':
      enter(next, 'closed');
      next.closedOutcome = event.data.outcome;
      next.followUp = undefined;
      next.unitWait = undefined;
      next.recalls = ending(next.recalls, 'task-closed');
      break;
  }
  // Every stage change above goes through `enter`, and the fields a stage surely has are set beside it.
  return next as DTaskState;
}

/**
 * A unit decides the task, whoever asked for it (the first asker is kept): the hold ends, and the
 * calls pending for a no-unit outcome give way to S8's welfare recalls.
 */
function unitDecided(next: DTaskFields, reason: UnitRequestedBy, at: string, consultId?: string): void {
  next.unitRequested = next.unitRequested ?? { reason, at };
  next.decision = consultId === undefined ? { kind: 'send-unit', at } : { kind: 'send-unit', at, consultId };
  enter(next, 'decided');
  // Decided again after a returned handoff: no longer a task to decide first (as advice and a redirect clear it too).
  next.handoffReturned = false;
  next.followUp = undefined;
  next.recalls = ending(next.recalls, 'unit-requested', (recall) => recall.reason !== 'waiting-for-unit');
}

/** Moves to a stage, clearing what only another stage has: the hold outside 'claimed', the handoff and the visit outside their own. */
function enter(next: DTaskFields, status: DTaskStatus): void {
  next.status = status;
  if (status !== 'claimed') {
    next.owner = undefined;
    next.claimedAt = undefined;
  }
  if (status !== 'awaiting-handoff') next.handoff = undefined;
  if (status !== 'awaiting-visit') next.visit = undefined;
}

const atOf = (event: TimedEvent) => event.at;

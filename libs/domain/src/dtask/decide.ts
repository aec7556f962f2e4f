import { SafetyRules } from '../safety-rules';
import { DTaskCommand } from './commands';
import { claim, release } from './decide/claims';
import { recordAssessment, recordCallback } from './decide/contact';
import { decision } from './decide/decisions';
import { Emit } from './decide/emit';
import { receiveErcUpdate } from './decide/erc-updates';
import { escalate } from './decide/escalation';
import { recordFollowUp } from './decide/follow-ups';
import { requireOpen, requireReceived } from './decide/guards';
import { acceptHandoff, declineHandoff, timeOutHandoff } from './decide/handoffs';
import { cancel, intake } from './decide/intake';
import { close, updateMission } from './decide/missions-and-closure';
import { grantOverride } from './decide/overrides';
import { recordRecall, scheduleRecall } from './decide/recalls';
import { dispatchUnreachable, reachWaitingLimit } from './decide/safety-policies';
import { completeHandoff, failHandoff, markHandoffVisitOverdue, recordConsult } from './decide/visits';
import { markUnitOverdue } from './decide/waiting-for-unit';
import { DTaskState, TimedEvent } from './state';

/**
 * Decides what a command means for a task: the events to append, or a DomainRejection. Pure: time
 * comes in on the command, the safety limits on `rules`. A command that changes nothing returns [].
 */
export function decide(command: DTaskCommand, state: DTaskState, rules: SafetyRules): TimedEvent[] {
  const events = decideEvents(command, state, rules);
  return events.map((event) => ({ ...event, at: command.at }) as TimedEvent);
}

/** Every command but the intake needs a received task that is still open; each job has its file in `decide/`. */
function decideEvents(command: DTaskCommand, state: DTaskState, rules: SafetyRules): Emit {
  if (command.type === 'Intake') return intake(command, state, rules);
  requireReceived(state);
  // The ERC's repeat of an update is answered before the task's closure is (see receiveErcUpdate).
  if (command.type === 'ReceiveErcUpdate') return receiveErcUpdate(command, state);
  requireOpen(state);
  switch (command.type) {
    case 'Cancel':
      return cancel(command);
    case 'Claim':
      return claim(command, state);
    case 'Release':
      return release(command, state);
    case 'RecordCallback':
      return recordCallback(command, state, rules);
    case 'RecordAssessment':
      return recordAssessment(command, state);
    case 'Escalate':
      return escalate(command, state);
    case 'Decide':
      return decision(command, state, rules);
    case 'AcceptHandoff':
      return acceptHandoff(command, state, rules);
    case 'DeclineHandoff':
      return declineHandoff(command, state);
    case 'TimeOutHandoff':
      return timeOutHandoff(command, state);
    case 'CompleteHandoff':
      return completeHandoff(command, state);
    case 'FailHandoff':
      return failHandoff(command, state);
    case 'MarkHandoffVisitOverdue':
      return markHandoffVisitOverdue(command, state);
    case 'RecordConsult':
      return recordConsult(command, state);
    case 'RecordFollowUp':
      return recordFollowUp(command, state, rules);
    case 'ReachWaitingLimit':
      return reachWaitingLimit(command, state, rules);
    case 'DispatchUnreachable':
      return dispatchUnreachable(command, state, rules);
    case 'GrantOverride':
      return grantOverride(command, state);
    case 'UpdateMission':
      return updateMission(command, state, rules);
    case 'Close':
      return close(command, state);
    case 'ScheduleRecall':
      return scheduleRecall(command, state);
    case 'RecordRecall':
      return recordRecall(command, state, rules);
    case 'MarkUnitOverdue':
      return markUnitOverdue(command, state, rules);
  }
}

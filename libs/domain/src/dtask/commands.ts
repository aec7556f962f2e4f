import { CallbackOutcome, CareLevel, Consultant, EventActor, EventData, OverrideRule, ServiceKind, Transport, UnitLevel } from '@dtask/events';

export type RecallReason = EventData<'RecallScheduled'>['reason'];
export type RecallCondition = NonNullable<EventData<'RecallCompleted'>['condition']>;

export interface CommandContext {
  /** When the command happens (ISO 8601); the decider reads no clock. */
  at: string;
  actor: EventActor & { service?: string };
}

/** v1.1: a no-unit decision's disposition (where, within what time, how) and the consult it rests on. */
export interface Disposition {
  careLevel?: CareLevel;
  /** An ISO 8601 duration such as PT2H (`Timeframe`). */
  within?: string;
  transport?: Transport;
  consultId?: string;
}

export type Decision =
  | { kind: 'send-unit'; unitLevel: UnitLevel; urgency: 'D' | 'C'; consultId?: string }
  | ({ kind: 'phone-advice'; advice: string; safetyNet: string; patientInformed: boolean; followUpAt?: string } & Disposition)
  | ({ kind: 'redirect'; target: string; targetKind: ServiceKind; handoffNote: string; patientInformed: boolean } & Disposition);

export interface SecondContactOf {
  previousTaskId: string;
  /** v1.1: also a unit mission that ended without conveyance, which the read side finds. */
  previousDecision: EventData<'SecondContactFlagged'>['previousDecision'];
  previousDecidedAt: string;
}

/** The patient's other task still open, which the intake handler finds in the patient index. */
export interface OpenTaskOf {
  openTaskId: string;
}

/** Every command of contract.md, plus the ones the policies issue (actor role `system`). */
export type DTaskCommand = CommandContext &
  (
    | { type: 'Intake'; task: EventData<'DTaskReceived'>; secondContactOf?: SecondContactOf; openTaskOf?: OpenTaskOf }
    | { type: 'Cancel'; reason: string }
    | { type: 'Claim' }
    | { type: 'Release'; reason?: string }
    | { type: 'RecordCallback'; outcome: EventData<'CallbackAttempted'>['outcome']; notes?: string }
    | { type: 'RecordAssessment'; assessment: EventData<'AssessmentRecorded'> }
    | { type: 'Escalate'; urgency: 'A' | 'B' | 'C'; reason: string }
    | { type: 'Decide'; decision: Decision }
    | { type: 'AcceptHandoff' }
    | { type: 'DeclineHandoff'; reason: string }
    | { type: 'TimeOutHandoff' }
    /** v1.1: the accepting service reports its visit (its partner only), or that it failed. */
    | { type: 'CompleteHandoff'; visitedAt: string; notes?: string }
    | { type: 'FailHandoff'; reason: string }
    /** The scheduler's, when no visit was reported by `visitBy`. */
    | { type: 'MarkHandoffVisitOverdue' }
    /** A consult before deciding; without `consultId` the decider names it (`consult-1`), the same on every replay. */
    | { type: 'RecordConsult'; consultId?: string; consultant: Consultant; question: string; advice: string }
    | { type: 'RecordFollowUp'; outcome: EventData<'FollowUpCompleted'>['outcome']; notes?: string }
    | { type: 'ReachWaitingLimit' }
    | { type: 'DispatchUnreachable' }
    | { type: 'GrantOverride'; rule: OverrideRule; reason: string }
    | {
        type: 'UpdateMission';
        stage: EventData<'MissionUpdated'>['stage'];
        unitId: string;
        conveyed?: boolean;
        xCode?: string;
        /** v1.1: a unit the field commander put on the task himself, requested or not. */
        requestedBy?: 'field-commander';
      }
    | { type: 'Close'; reason?: string }
    | { type: 'ReceiveErcUpdate'; update: EventData<'ErcUpdateReceived'> }
    /** A recall at the nurse's choice; without `recallId` the decider names it (`nurse-3`), the same on every replay. */
    | { type: 'ScheduleRecall'; recallId?: string; dueAt: string; reason: RecallReason }
    | { type: 'RecordRecall'; recallId: string; outcome: CallbackOutcome; condition?: RecallCondition; notes?: string }
    /** S8: the scheduler's, when a D unit has not reached the scene in time. */
    | { type: 'MarkUnitOverdue' }
  );

export type DTaskCommandType = DTaskCommand['type'];
/** A command as a route or agent builds it, before the caller adds `at` and `actor`. */
export type DTaskCommandInput = DTaskCommand extends infer C ? (C extends unknown ? Omit<C, 'at' | 'actor'> : never) : never;
export type CommandOf<T extends DTaskCommandType> = Extract<DTaskCommand, { type: T }>;

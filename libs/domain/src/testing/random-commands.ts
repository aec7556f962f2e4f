import fc from 'fast-check';
import { DTaskCommand, DTaskCommandInput } from '../dtask/commands';
import { hasPendingRecall, pendingRecalls } from '../dtask/recalls';
import { DTaskState } from '../dtask/state';
import { at, erc, nurse, partner, supervisor, system } from './fixtures';

// Random command sequences for the property test: mostly the usual next step, sometimes anything.

type Actor = DTaskCommand['actor'];
export const anyone: Actor[] = [nurse('nurse-1'), nurse('nurse-2'), supervisor, partner('oulu-home-care'), partner('oulu-primary-care'), system, erc];
/** Who would normally send each command; anything not listed is nurse work, done by nurse-1. */
export const natural: Partial<Record<DTaskCommand['type'], Actor>> = {
  AcceptHandoff: partner('oulu-home-care'),
  DeclineHandoff: partner('oulu-home-care'),
  CompleteHandoff: partner('oulu-home-care'),
  FailHandoff: partner('oulu-home-care'),
  MarkHandoffVisitOverdue: system,
  TimeOutHandoff: system,
  ReachWaitingLimit: system,
  DispatchUnreachable: system,
  MarkUnitOverdue: system,
  GrantOverride: supervisor,
  UpdateMission: erc,
  Cancel: erc,
  ReceiveErcUpdate: erc,
};

const often = <T>(usual: T, rare: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(usual), weight: 4 }, { arbitrary: rare, weight: 1 });
const assessmentArb = fc.record({
  redFlags: often([], fc.subarray(['chest-pain', 'suicidal-intent'] as const, { minLength: 1 })),
  concern: often(false, fc.constant(true)),
  symptoms: fc.constant('s'),
  existingServices: fc.constantFrom<('home-care' | 'none')[]>([], ['home-care']),
  notes: fc.constant(''),
  identity: often(undefined, fc.constantFrom('verified' as const, 'unverified' as const)),
});
/** v1.1: mostly no consult named; sometimes the first one (recorded or not), so the decider's check is probed. */
const consultIdArb = often(undefined, fc.constant('consult-1'));
const dispositionArb = { careLevel: fc.constantFrom('self-care' as const, 'primary-care' as const, undefined), within: fc.constantFrom('PT2H', undefined), consultId: consultIdArb };
const decisionArb = fc.oneof(
  fc.record({ kind: fc.constant('send-unit' as const), unitLevel: fc.constant('basic' as const), urgency: fc.constantFrom('D' as const, 'C' as const), consultId: consultIdArb }),
  fc.record({
    kind: fc.constant('phone-advice' as const), advice: fc.constant('a'), safetyNet: fc.constant('s'), patientInformed: often(true, fc.constant(false)),
    followUpAt: fc.option(fc.constant(at(90)), { nil: undefined }), ...dispositionArb,
  }),
  fc.record({
    kind: fc.constant('redirect' as const), target: fc.constant('oulu-home-care'), targetKind: fc.constant('home-care' as const), handoffNote: fc.constant('n'),
    patientInformed: often(true, fc.constant(false)), ...dispositionArb,
  }),
);
/** A few bodies only, so the same update often comes twice. */
const ercUpdateArb = fc.constantFrom(
  { kind: 'new-information' as const, callbackPhone: '+358409876543' },
  { kind: 'repeat-call' as const },
  { kind: 'repeat-call' as const },
  { kind: 'urgency-changed' as const, urgency: 'D' as const },
  { kind: 'urgency-changed' as const, urgency: 'B' as const },
);

/** One payload of every kind per step; the step then picks which command to send. */
export const payloadArb = fc.record({
  outcome: fc.constantFrom('reached' as const, 'reached' as const, 'no-answer' as const, 'busy' as const, 'wrong-number' as const),
  condition: fc.constantFrom('same' as const, 'better' as const, 'worse' as const, undefined),
  assessment: assessmentArb,
  decision: decisionArb,
  urgency: fc.constantFrom('A' as const, 'B' as const, 'C' as const),
  /** Mostly the S6 timer, which must wait out the limit, so a timeout happens as often as an answer. */
  handoff: fc.constantFrom('TimeOutHandoff' as const, 'TimeOutHandoff' as const, 'AcceptHandoff' as const, 'DeclineHandoff' as const),
  /** After an acceptance: mostly the visit limit's timer, which must wait out its 24 hours, so it fires as often as a report comes. */
  visit: fc.constantFrom('MarkHandoffVisitOverdue' as const, 'MarkHandoffVisitOverdue' as const, 'CompleteHandoff' as const, 'FailHandoff' as const),
  /** Minutes before now the service says it visited: mostly plausible, sometimes in the future. */
  visitedMinutesAgo: fc.integer({ min: -5, max: 60 }),
  /** A consult before deciding. */
  consult: often(false, fc.constant(true)),
  stage: fc.constantFrom('unit-assigned' as const, 'on-scene' as const, 'completed' as const),
  requestedBy: often(undefined, fc.constant('field-commander' as const)),
  ercUpdate: ercUpdateArb,
  recallInMinutes: fc.integer({ min: 5, max: 90 }),
  /** What happens next to a decided task with a call back pending: a nurse takes it up, the mission moves, the S8 timer fires. */
  decidedNext: fc.constantFrom('Claim' as const, 'Claim' as const, 'UpdateMission' as const, 'MarkUnitOverdue' as const),
  /** A nurse who skips a safety step (escalation, override): the decider must refuse what follows. */
  hasty: fc.boolean(),
  /** A follow-up call that reassesses before recording its outcome. */
  reassess: often(false, fc.constant(true)),
  /** A follow-up closed by hand instead of recording the call. */
  closeByHand: often(false, fc.constant(true)),
  any: fc.constantFrom<DTaskCommand['type']>(
    'Claim', 'Release', 'RecordCallback', 'RecordAssessment', 'Escalate', 'Decide', 'AcceptHandoff', 'DeclineHandoff', 'TimeOutHandoff',
    'RecordFollowUp', 'ReachWaitingLimit', 'DispatchUnreachable', 'GrantOverride', 'UpdateMission', 'Close', 'Cancel',
    'ReceiveErcUpdate', 'ScheduleRecall', 'RecordRecall', 'MarkUnitOverdue',
    'CompleteHandoff', 'FailHandoff', 'MarkHandoffVisitOverdue', 'RecordConsult',
  ),
});
export type Payload = typeof payloadArb extends fc.Arbitrary<infer P> ? P : never;

export const commandOf = (type: DTaskCommand['type'], p: Payload, state: DTaskState, minute: number): DTaskCommandInput => {
  switch (type) {
    case 'RecordCallback': return { type, outcome: p.outcome };
    case 'RecordAssessment': return { type, assessment: p.assessment };
    case 'Escalate': return { type, urgency: p.urgency, reason: 'r' };
    case 'Decide': return { type, decision: p.decision };
    case 'DeclineHandoff': return { type, reason: 'full' };
    case 'RecordFollowUp': return { type, outcome: p.outcome === 'reached' ? 'reached' : 'no-answer' };
    case 'GrantOverride': return { type, rule: 'S4-second-contact', reason: 'ok' };
    case 'UpdateMission': return { type, stage: p.stage, unitId: 'U1', ...(p.requestedBy ? { requestedBy: p.requestedBy } : {}) };
    case 'Cancel': return { type, reason: 'c' };
    case 'ReceiveErcUpdate': return { type, update: p.ercUpdate };
    case 'ScheduleRecall': return { type, dueAt: at(minute + p.recallInMinutes), reason: 'nurse' };
    case 'RecordRecall': {
      const recallId = pendingRecalls(state)[0]?.recallId ?? 'nurse-1';
      return { type, recallId, outcome: p.outcome, ...(p.condition ? { condition: p.condition } : {}) };
    }
    case 'CompleteHandoff': return { type, visitedAt: at(minute - p.visitedMinutesAgo) };
    case 'FailHandoff': return { type, reason: 'not at home' };
    case 'RecordConsult': return { type, consultant: 'ems-physician', question: 'q', advice: 'a' };
    case 'Intake': throw new Error('intake is the first step only');
    default: return { type } as DTaskCommandInput;
  }
};

/** The command a task in this state would usually get next, so random runs reach every outcome. */
export const nextInFlow = (state: DTaskState, p: Payload): DTaskCommand['type'] => {
  const danger = state.redFlags.length > 0 || state.concern;
  const callBack = state.followUp !== undefined || hasPendingRecall(state);
  if (state.status === 'awaiting-handoff') return p.handoff;
  if (state.status === 'awaiting-visit') return p.visit;
  if (state.status === 'waiting') return 'Claim';
  if (state.status === 'decided') return callBack ? p.decidedNext : 'UpdateMission';
  if (state.followUp) return p.reassess ? 'RecordAssessment' : danger && !p.hasty ? 'Escalate' : p.closeByHand ? 'Close' : 'RecordFollowUp';
  if (state.decision && callBack) return p.reassess ? 'RecordAssessment' : danger && !p.hasty ? 'Escalate' : 'RecordRecall';
  if (!state.contactAt) return 'RecordCallback';
  if (!state.assessed) return 'RecordAssessment';
  if (danger && !p.hasty) return 'Escalate';
  if (state.secondContact && !state.overrides.includes('S4-second-contact') && !p.hasty) return 'GrantOverride';
  if (p.consult && state.consults.length === 0) return 'RecordConsult';
  return 'Decide';
};

export const stepArb = fc.record({
  /** `flow`: the usual next command; `any`: any command at all, probing every guard. */
  mode: fc.oneof({ arbitrary: fc.constant('flow' as const), weight: 3 }, { arbitrary: fc.constant('any' as const), weight: 2 }),
  /** Mostly the usual actor, sometimes anyone at all. */
  actor: fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: fc.constantFrom(...anyone), weight: 1 }),
  /** Time only moves forward: mostly minutes, sometimes long enough for S1, S2, S6, S8 and the visit limit to fall due. */
  minutes: fc.oneof(
    { arbitrary: fc.integer({ min: 0, max: 5 }), weight: 5 },
    { arbitrary: fc.integer({ min: 10, max: 45 }), weight: 1 },
    // Now and then a night passes: the visit limit (24 h) falls due.
    { arbitrary: fc.constant(24 * 60), weight: 1 },
  ),
  payload: payloadArb,
});

/** Where a run starts: deep states are rare from scratch, so some runs begin there (by real commands, each by its natural actor). */
const assessed: DTaskCommandInput[] = [
  { type: 'Claim' },
  { type: 'RecordCallback', outcome: 'reached' },
  { type: 'RecordAssessment', assessment: { redFlags: [], concern: false, symptoms: 's', existingServices: [], notes: '' } },
];
const redirected: DTaskCommandInput[] = [
  ...assessed,
  { type: 'Decide', decision: { kind: 'redirect', target: 'oulu-home-care', targetKind: 'home-care', handoffNote: 'n', patientInformed: true } },
];
export const STARTS: Record<string, DTaskCommandInput[]> = {
  received: [],
  assessed,
  'follow-up': [...assessed, { type: 'Decide', decision: { kind: 'phone-advice', advice: 'a', safetyNet: 's', patientInformed: true, followUpAt: at(90) } }, { type: 'Claim' }],
  'awaiting-handoff': redirected,
  'd-unit': [...assessed, { type: 'Decide', decision: { kind: 'send-unit', unitLevel: 'basic', urgency: 'D' } }],
  'awaiting-visit': [...redirected, { type: 'AcceptHandoff' }],
};
export const startArb = fc.constantFrom(...Object.keys(STARTS));

export const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
};

import fc from 'fast-check';
import { DTaskCommand, DTaskCommandInput } from './commands';
import { createDTaskDecider } from './decider';
import { DomainRejection } from './rejection';
import { DTaskState, TimedEvent } from './state';
import { at, nurse, partner, received, supervisor, system } from '../testing/fixtures';
import { stageProblem } from '../testing/stage-guarantees';

const decider = createDTaskDecider();
type Actor = DTaskCommand['actor'];

const erc: Actor = { id: 'erc', role: 'erc' };
const anyone: Actor[] = [nurse('nurse-1'), nurse('nurse-2'), supervisor, partner('oulu-home-care'), partner('oulu-primary-care'), system, erc];
/** Who would normally send each command; anything not listed is nurse work, done by nurse-1. */
const natural: Partial<Record<DTaskCommand['type'], Actor>> = {
  AcceptHandoff: partner('oulu-home-care'),
  DeclineHandoff: partner('oulu-home-care'),
  TimeOutHandoff: system,
  ReachWaitingLimit: system,
  DispatchUnreachable: system,
  GrantOverride: supervisor,
  UpdateMission: erc,
  Cancel: erc,
};

const often = <T>(usual: T, rare: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(usual), weight: 4 }, { arbitrary: rare, weight: 1 });
const assessmentArb = fc.record({
  redFlags: often([], fc.subarray(['chest-pain', 'suicidal-intent'] as const, { minLength: 1 })),
  concern: often(false, fc.constant(true)),
  symptoms: fc.constant('s'),
  existingServices: fc.constantFrom<('home-care' | 'none')[]>([], ['home-care']),
  notes: fc.constant(''),
});
const decisionArb = fc.oneof(
  fc.record({ kind: fc.constant('send-unit' as const), unitLevel: fc.constant('basic' as const), urgency: fc.constantFrom('D' as const, 'C' as const) }),
  fc.record({
    kind: fc.constant('phone-advice' as const), advice: fc.constant('a'), safetyNet: fc.constant('s'), patientInformed: often(true, fc.constant(false)),
    followUpAt: fc.option(fc.constant(at(90)), { nil: undefined }),
  }),
  fc.record({
    kind: fc.constant('redirect' as const), target: fc.constant('oulu-home-care'), targetKind: fc.constant('home-care' as const), handoffNote: fc.constant('n'),
    patientInformed: often(true, fc.constant(false)),
  }),
);

/** One payload of every kind per step; the step then picks which command to send. */
const payloadArb = fc.record({
  outcome: fc.constantFrom('reached' as const, 'reached' as const, 'no-answer' as const, 'busy' as const, 'wrong-number' as const),
  assessment: assessmentArb,
  decision: decisionArb,
  urgency: fc.constantFrom('A' as const, 'B' as const, 'C' as const),
  /** Mostly the S6 timer, which must wait out the limit, so a timeout happens as often as an answer. */
  handoff: fc.constantFrom('TimeOutHandoff' as const, 'TimeOutHandoff' as const, 'AcceptHandoff' as const, 'DeclineHandoff' as const),
  stage: fc.constantFrom('unit-assigned' as const, 'on-scene' as const, 'completed' as const),
  /** A nurse who skips a safety step (escalation, override): the decider must refuse what follows. */
  hasty: fc.boolean(),
  /** A follow-up call that reassesses before recording its outcome. */
  reassess: often(false, fc.constant(true)),
  /** A follow-up closed by hand instead of recording the call. */
  closeByHand: often(false, fc.constant(true)),
  any: fc.constantFrom<DTaskCommand['type']>(
    'Claim', 'Release', 'RecordCallback', 'RecordAssessment', 'Escalate', 'Decide', 'AcceptHandoff', 'DeclineHandoff', 'TimeOutHandoff',
    'RecordFollowUp', 'ReachWaitingLimit', 'DispatchUnreachable', 'GrantOverride', 'UpdateMission', 'Close', 'Cancel',
  ),
});
type Payload = typeof payloadArb extends fc.Arbitrary<infer P> ? P : never;

const commandOf = (type: DTaskCommand['type'], p: Payload): DTaskCommandInput => {
  switch (type) {
    case 'RecordCallback': return { type, outcome: p.outcome };
    case 'RecordAssessment': return { type, assessment: p.assessment };
    case 'Escalate': return { type, urgency: p.urgency, reason: 'r' };
    case 'Decide': return { type, decision: p.decision };
    case 'DeclineHandoff': return { type, reason: 'full' };
    case 'RecordFollowUp': return { type, outcome: p.outcome === 'reached' ? 'reached' : 'no-answer' };
    case 'GrantOverride': return { type, rule: 'S4-second-contact', reason: 'ok' };
    case 'UpdateMission': return { type, stage: p.stage, unitId: 'U1' };
    case 'Cancel': return { type, reason: 'c' };
    case 'Intake': throw new Error('intake is the first step only');
    default: return { type } as DTaskCommandInput;
  }
};

/** The command a task in this state would usually get next, so random runs reach every outcome. */
const nextInFlow = (state: DTaskState, p: Payload): DTaskCommand['type'] => {
  const danger = state.redFlags.length > 0 || state.concern;
  if (state.status === 'awaiting-handoff') return p.handoff;
  if (state.status === 'waiting') return 'Claim';
  if (state.status === 'decided') return state.followUp ? 'Claim' : 'UpdateMission';
  if (state.followUp) return p.reassess ? 'RecordAssessment' : danger && !p.hasty ? 'Escalate' : p.closeByHand ? 'Close' : 'RecordFollowUp';
  if (!state.contactAt) return 'RecordCallback';
  if (!state.assessed) return 'RecordAssessment';
  if (danger && !p.hasty) return 'Escalate';
  if (state.secondContact && !state.overrides.includes('S4-second-contact') && !p.hasty) return 'GrantOverride';
  return 'Decide';
};

const stepArb = fc.record({
  /** `flow`: the usual next command; `any`: any command at all, probing every guard. */
  mode: fc.oneof({ arbitrary: fc.constant('flow' as const), weight: 3 }, { arbitrary: fc.constant('any' as const), weight: 2 }),
  /** Mostly the usual actor, sometimes anyone at all. */
  actor: fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: fc.constantFrom(...anyone), weight: 1 }),
  /** Time only moves forward: mostly minutes, sometimes long enough for S1, S2 and S6 to fall due. */
  minutes: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 5 }), weight: 5 }, { arbitrary: fc.integer({ min: 10, max: 45 }), weight: 1 }),
  payload: payloadArb,
});

/** Where a run starts: deep states are rare from scratch, so some runs begin there (by real commands). */
const assessed: DTaskCommandInput[] = [
  { type: 'Claim' },
  { type: 'RecordCallback', outcome: 'reached' },
  { type: 'RecordAssessment', assessment: { redFlags: [], concern: false, symptoms: 's', existingServices: [], notes: '' } },
];
const STARTS: Record<string, DTaskCommandInput[]> = {
  received: [],
  assessed,
  'follow-up': [...assessed, { type: 'Decide', decision: { kind: 'phone-advice', advice: 'a', safetyNet: 's', patientInformed: true, followUpAt: at(90) } }, { type: 'Claim' }],
  'awaiting-handoff': [...assessed, { type: 'Decide', decision: { kind: 'redirect', target: 'oulu-home-care', targetKind: 'home-care', handoffNote: 'n', patientInformed: true } }],
};
const startArb = fc.constantFrom(...Object.keys(STARTS));

const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
};

const ENDS_OWNERSHIP = new Set(['DTaskReleased', 'UnitRequested', 'PhoneAdviceGiven', 'RedirectRequested', 'DTaskClosed']);
const isDanger = (event: TimedEvent) =>
  event.type === 'UrgencyEscalated' || (event.type === 'AssessmentRecorded' && (event.data.redFlags.length > 0 || event.data.concern));
const isNoUnitOutcome = (event: TimedEvent) =>
  event.type === 'PhoneAdviceGiven' ||
  event.type === 'RedirectRequested' ||
  (event.type === 'DTaskClosed' && (event.data.outcome === 'phone-advice' || event.data.outcome === 'redirect'));

describe('DTask invariants over random command sequences', () => {
  const seen = new Set<string>();

  it('holds one owner at most, closes only with contact or a unit, never advises after a red flag, keeps revisions contiguous and each stage what its type says', () => {
    fc.assert(
      fc.property(fc.boolean(), startArb, fc.array(stepArb, { maxLength: 40, size: 'max' }), (secondContact, start, steps) => {
        let state: DTaskState = decider.initialState;
        const history: TimedEvent[] = [];
        let owner: string | undefined; // ownership tracked from the events alone, apart from evolve
        const apply = (events: TimedEvent[]) => {
          for (const event of events) {
            if (event.type === 'DTaskClaimed') {
              expect(owner).toBeUndefined(); // never a second owner, nor a repeated claim event
              owner = event.data.nurseId;
            }
            if (ENDS_OWNERSHIP.has(event.type) || (event.type === 'FollowUpCompleted' && event.data.outcome === 'reached')) owner = undefined;
            state = decider.evolve(state, event);
            // Each stage has what its type says, after every event, not only after each command.
            expect(stageProblem(state)).toBeUndefined();
            history.push(event);
            seen.add(event.type);
          }
        };
        const previous = { previousTaskId: '6c1d2f4e-3a1d-4e8b-9c2f-7d6e5a4b3c21', previousDecision: 'phone-advice' as const, previousDecidedAt: at(-60) };
        apply(decider.decide({ type: 'Intake', at: at(0), actor: erc, task: received(), ...(secondContact ? { secondContactOf: previous } : {}) }, state));
        let minute = 0;
        for (const input of STARTS[start]!) {
          minute += 1;
          if (secondContact && input.type === 'Decide' && input.decision.kind === 'phone-advice') {
            apply(decider.decide({ type: 'GrantOverride', rule: 'S4-second-contact', reason: 'ok', at: at(minute), actor: supervisor }, state));
          }
          apply(decider.decide({ ...input, at: at(minute), actor: nurse('nurse-1') } as DTaskCommand, state));
        }

        for (const step of steps) {
          minute += step.minutes;
          const type = step.mode === 'flow' ? nextInFlow(state, step.payload) : step.payload.any;
          const actor = step.actor ?? natural[type] ?? nurse('nurse-1');
          const command = { ...commandOf(type, step.payload), at: at(minute), actor } as DTaskCommand;
          const before = structuredClone(state);
          let events: TimedEvent[];
          try {
            events = decider.decide(command, deepFreeze(state));
          } catch (error) {
            if (!(error instanceof DomainRejection)) throw error;
            // A rejected command emits nothing and leaves the state as it was (frozen: not mutated either).
            expect(state).toEqual(before);
            continue;
          }
          apply(events);

          // Revisions contiguous: the events folded number revision + 1.
          expect(state.revision).toBe(history.length - 1);
          // One owner at most, the one the events name, and only while claimed.
          expect(state.owner).toBe(owner);
          expect(state.owner !== undefined).toBe(state.status === 'claimed');
          // S1: never closed without contact, unless a unit was requested or the ERC cancelled.
          if (state.status === 'closed') {
            const contact = history.some((event) => (event.type === 'CallbackAttempted' || event.type === 'FollowUpCompleted') && event.data.outcome === 'reached');
            const unitOrCancel = history.some((event) => event.type === 'UnitRequested' || event.type === 'DTaskCancelled');
            expect(contact || unitOrCancel).toBe(true);
          }
          // S3: no phone advice or redirect, given or closed, after a red flag, concern or escalation.
          const firstDanger = history.findIndex(isDanger);
          if (firstDanger >= 0) expect(history.slice(firstDanger).filter(isNoUnitOutcome)).toEqual([]);
          // S4: phone advice on a second contact only after a supervisor override.
          const adviceAt = history.findIndex((event) => event.type === 'PhoneAdviceGiven');
          if (secondContact && adviceAt >= 0) {
            const overrideAt = history.findIndex((event) => event.type === 'OverrideGranted');
            expect(overrideAt).toBeGreaterThanOrEqual(0);
            expect(overrideAt).toBeLessThan(adviceAt);
          }
        }
      }),
      { numRuns: 600 },
    );
    // The runs must reach every kind of outcome, or the invariants above prove little.
    for (const type of [
      'PhoneAdviceGiven', 'RedirectRequested', 'HandoffAccepted', 'HandoffDeclined', 'HandoffTimedOut', 'FollowUpScheduled', 'FollowUpCompleted',
      'OverrideGranted', 'UrgencyEscalated', 'UnitRequested', 'WaitingLimitReached', 'MissionUpdated', 'DTaskCancelled', 'DTaskClosed',
    ]) {
      expect(seen).toContain(type);
    }
  });
});

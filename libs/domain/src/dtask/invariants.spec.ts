import fc from 'fast-check';
import { DTaskCommand } from './commands';
import { createDTaskDecider } from './decider';
import { DomainRejection } from './rejection';
import { DTaskState, TimedEvent } from './state';
import { at, nurse, partner, received, supervisor, system } from '../testing/fixtures';

const decider = createDTaskDecider();
const actors = [nurse('nurse-1'), nurse('nurse-2'), supervisor, partner('oulu-home-care'), system, { id: 'erc', role: 'erc' as const }];

/** Any command from anyone, with plausible payloads; most will be rejected, which is the point. */
const commandArb = fc.oneof(
  fc.constant({ type: 'Claim' as const }),
  fc.constant({ type: 'Release' as const }),
  fc.record({ type: fc.constant('RecordCallback' as const), outcome: fc.constantFrom('reached', 'no-answer', 'busy', 'wrong-number') }),
  fc.record({
    type: fc.constant('RecordAssessment' as const),
    assessment: fc.record({
      redFlags: fc.subarray(['chest-pain', 'suicidal-intent'] as const),
      concern: fc.boolean(),
      symptoms: fc.constant('s'),
      existingServices: fc.constant([]),
      notes: fc.constant(''),
    }),
  }),
  fc.record({ type: fc.constant('Escalate' as const), urgency: fc.constantFrom('A', 'B', 'C'), reason: fc.constant('r') }),
  fc.record({
    type: fc.constant('Decide' as const),
    decision: fc.oneof(
      fc.record({ kind: fc.constant('send-unit' as const), unitLevel: fc.constant('basic' as const), urgency: fc.constantFrom('D', 'C') }),
      fc.record({ kind: fc.constant('phone-advice' as const), advice: fc.constant('a'), safetyNet: fc.constant('s'), patientInformed: fc.boolean(), followUpAt: fc.option(fc.constant(at(90)), { nil: undefined }) }),
      fc.record({ kind: fc.constant('redirect' as const), target: fc.constant('oulu-home-care'), targetKind: fc.constant('home-care' as const), handoffNote: fc.constant('n'), patientInformed: fc.boolean() }),
    ),
  }),
  fc.constant({ type: 'AcceptHandoff' as const }),
  fc.record({ type: fc.constant('DeclineHandoff' as const), reason: fc.constant('full') }),
  fc.constant({ type: 'TimeOutHandoff' as const }),
  fc.record({ type: fc.constant('RecordFollowUp' as const), outcome: fc.constantFrom('reached', 'no-answer') }),
  fc.constant({ type: 'ReachWaitingLimit' as const }),
  fc.constant({ type: 'DispatchUnreachable' as const }),
  fc.record({ type: fc.constant('GrantOverride' as const), rule: fc.constant('S4-second-contact' as const), reason: fc.constant('ok') }),
  fc.record({ type: fc.constant('UpdateMission' as const), stage: fc.constantFrom('unit-assigned', 'on-scene', 'completed'), unitId: fc.constant('U1') }),
  fc.constant({ type: 'Close' as const }),
  fc.record({ type: fc.constant('Cancel' as const), reason: fc.constant('c') }),
);

const stepArb = fc.record({ command: commandArb, actor: fc.constantFrom(...actors), minutes: fc.integer({ min: 0, max: 25 }) });

describe('DTask invariants over random command sequences', () => {
  it('holds one owner at most, closes only with contact or a unit, never advises after a red flag, keeps revisions contiguous', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(stepArb, { maxLength: 40 }), (secondContact, steps) => {
        let state: DTaskState = decider.initialState;
        const history: TimedEvent[] = [];
        const apply = (events: TimedEvent[]) => {
          for (const event of events) {
            state = decider.evolve(state, event);
            history.push(event);
          }
        };
        apply(decider.decide({
          type: 'Intake', at: at(0), actor: { id: 'erc', role: 'erc' }, task: received(),
          ...(secondContact ? { secondContactOf: { previousTaskId: '6c1d2f4e-3a1d-4e8b-9c2f-7d6e5a4b3c21', previousDecision: 'phone-advice', previousDecidedAt: at(-60) } } : {}),
        }, state));
        let minute = 0;
        for (const step of steps) {
          minute += step.minutes;
          const command = { ...step.command, at: at(minute), actor: step.actor } as DTaskCommand;
          const before = state;
          let events: TimedEvent[] = [];
          try {
            events = decider.decide(command, state);
          } catch (error) {
            if (!(error instanceof DomainRejection)) throw error;
            expect(state).toBe(before); // a rejected command emits and changes nothing
            continue;
          }
          apply(events);

          // Revisions contiguous: every event folded advanced the revision by one.
          expect(state.revision).toBe(history.length - 1);
          // One owner at most, and only while claimed.
          const claims = history.filter((event) => event.type === 'DTaskClaimed').length;
          const releases = history.filter((event) => ['DTaskReleased', 'UnitRequested', 'PhoneAdviceGiven', 'RedirectRequested', 'DTaskClosed', 'FollowUpCompleted'].includes(event.type)).length;
          expect(claims - releases).toBeLessThanOrEqual(1);
          if (state.owner) expect(state.status).toBe('claimed');
          // Never closed without contact unless a unit was requested or the ERC cancelled.
          if (state.status === 'closed') {
            const contact = history.some((event) => (event.type === 'CallbackAttempted' || event.type === 'FollowUpCompleted') && event.data.outcome === 'reached');
            const unit = history.some((event) => event.type === 'UnitRequested');
            const cancelled = history.some((event) => event.type === 'DTaskCancelled');
            expect(contact || unit || cancelled).toBe(true);
          }
          // No phone advice or redirect after a red flag, concern or escalation.
          const firstDanger = history.findIndex(
            (event) => event.type === 'UrgencyEscalated' || (event.type === 'AssessmentRecorded' && (event.data.redFlags.length > 0 || event.data.concern)),
          );
          if (firstDanger >= 0) {
            const afterDanger = history.slice(firstDanger).filter((event) => event.type === 'PhoneAdviceGiven' || event.type === 'RedirectRequested');
            expect(afterDanger).toEqual([]);
          }
          // Phone advice on a second contact only after a supervisor override.
          if (secondContact) {
            const adviceAt = history.findIndex((event) => event.type === 'PhoneAdviceGiven');
            const overrideAt = history.findIndex((event) => event.type === 'OverrideGranted');
            if (adviceAt >= 0) expect(overrideAt).toBeGreaterThanOrEqual(0);
            if (adviceAt >= 0) expect(overrideAt).toBeLessThan(adviceAt);
          }
        }
      }),
      { numRuns: 1500 },
    );
  });
});

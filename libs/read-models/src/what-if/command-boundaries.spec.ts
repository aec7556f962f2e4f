import { DEFAULT_SAFETY_RULES } from '@dtask/domain';
import { CommandHistory, whatIfOver } from './command-history.testing';

const T0 = Date.parse('2026-11-23T08:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const nurse = { id: 'nurse-1', role: 'nurse' as const };
const TASK = '00000000-0000-4000-8000-00000000000a';
const intake = {
  type: 'Intake' as const,
  actor: { id: 'erc', role: 'erc' as const },
  task: {
    taskId: TASK, ercTaskId: 'ERC-000a', receivedAt: at(0), taskCode: '745', urgency: 'D' as const,
    municipality: 'Oulu', area: 'Oulu-Hailuoto', address: 'Isokatu 1', patient: { ageYears: 81, personId: '110143-123A' }, callbackPhone: '+358401234567',
  },
};
const assessment = { redFlags: [], concern: false, symptoms: 'dizzy', existingServices: [], notes: '' };

/**
 * Two commands in one millisecond: a timestamp cannot tell them apart from one command's events,
 * the causationId does. Both ways the store holds them: typed commands, and the older events.
 */
describe.each([
  ['commands with their type', true],
  ['events from before command ids (causation = the request)', false],
])('what-if command boundaries, %s', (_name, typed) => {
  it('a nurse’s close in the same millisecond as her failed follow-up call is a command of its own', () => {
    const history = new CommandHistory(typed);
    history.run(TASK, at(0), intake);
    history.run(TASK, at(1), { type: 'Claim', actor: nurse });
    history.run(TASK, at(2), { type: 'RecordCallback', actor: nurse, outcome: 'reached' });
    history.run(TASK, at(4), { type: 'RecordAssessment', actor: nurse, assessment });
    const advice = { kind: 'phone-advice' as const, advice: 'rest', safetyNet: 'call 112 if worse', patientInformed: true, followUpAt: at(60) };
    history.run(TASK, at(6), { type: 'Decide', actor: nurse, decision: advice });
    history.run(TASK, at(60), { type: 'Claim', actor: nurse });
    history.run(TASK, at(61), { type: 'RecordFollowUp', actor: nurse, outcome: 'no-answer' });
    history.run(TASK, at(61), { type: 'Close', actor: nurse });

    const { report } = whatIfOver(history, T0, {});
    expect(report.actual.measures.resolvedWithoutUnit).toBe(1);
    expect(report.whatIf).toEqual(report.actual);
    expect(report.actionsRefused).toEqual({});
  });

  it('S1’s time rule firing in the same millisecond as a failed call is the policy’s command', () => {
    // Configured for three attempts, so the second failed call sends no unit of its own.
    const rules = { ...DEFAULT_SAFETY_RULES, s1FailedAttempts: 3 };
    const history = new CommandHistory(typed, rules);
    history.run(TASK, at(0), intake);
    history.run(TASK, at(1), { type: 'Claim', actor: nurse });
    history.run(TASK, at(2), { type: 'RecordCallback', actor: nurse, outcome: 'no-answer' });
    history.run(TASK, at(17), { type: 'RecordCallback', actor: nurse, outcome: 'busy' });
    history.tick(at(17));

    const { report, replay } = whatIfOver(history, T0, {}, rules);
    expect(report.actual.firings.s1UnreachableDispatches).toBe(1);
    expect(report.whatIf).toEqual({ ...report.actual });
    expect(replay.decisionTimeOf(TASK)).toBe(at(17));
  });
});

it('a correlation id a caller sent with two requests, the causation of events from before command ids, still parts them by their instants', () => {
  const history = new CommandHistory(false);
  history.run(TASK, at(0), intake);
  history.run(TASK, at(3), { type: 'Cancel', actor: intake.actor, reason: 'the patient called back: no need' });
  const flow = history.events[0]!.metadata.causationId;
  for (const event of history.events) Object.assign(event.metadata, { correlationId: flow, causationId: flow });

  const { report } = whatIfOver(history, T0, {});
  expect(report.actual.measures.cancelled).toBe(1);
  expect(report.whatIf).toEqual(report.actual);
});

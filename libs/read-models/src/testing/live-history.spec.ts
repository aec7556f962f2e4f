import { LiveHistory } from './live-history';

const T0 = Date.parse('2026-11-22T10:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const nurse = { id: 'n1', role: 'nurse' as const };
const task = (name: string) => `00000000-0000-4000-8000-${name.padStart(12, '0')}`;
const intake = (taskId: string, minute: number, callbackPhone: string) => ({
  type: 'Intake' as const,
  actor: { id: 'erc', role: 'erc' as const },
  task: {
    taskId, ercTaskId: `ERC-${minute}`, receivedAt: at(minute), taskCode: '745', urgency: 'D' as const,
    municipality: 'Oulu', area: 'Oulu-Hailuoto', address: 'Isokatu 1', patient: { ageYears: 81 }, callbackPhone,
  },
});

describe('a live history for specs', () => {
  it('looks S4 up in the one patient index: a callback number written with spaces is the same patient', () => {
    const h = new LiveHistory();
    h.run(task('a'), at(0), intake(task('a'), 0, '+358401234567'));
    h.run(task('a'), at(1), { type: 'Claim', actor: nurse });
    h.run(task('a'), at(2), { type: 'RecordCallback', actor: nurse, outcome: 'reached' });
    h.run(task('a'), at(3), { type: 'RecordAssessment', actor: nurse, assessment: { redFlags: [], concern: false, symptoms: 'dizzy', existingServices: [], notes: '' } });
    h.run(task('a'), at(4), { type: 'Decide', actor: nurse, decision: { kind: 'phone-advice', advice: 'rest', safetyNet: 'call 112 if worse', patientInformed: true } });
    h.run(task('b'), at(60), intake(task('b'), 60, '040 123 4567'));
    const flagged = h.events.find((event) => event.type === 'SecondContactFlagged');
    expect(flagged?.streamId.endsWith(task('b'))).toBe(true);
    expect(flagged?.data).toMatchObject({ previousTaskId: task('a'), previousDecision: 'phone-advice' });
  });
});

import { CommandHistory, intakeOf, whatIfOver } from './command-history.testing';

const T0 = Date.parse('2026-11-24T08:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const nurse = { id: 'nurse-1', role: 'nurse' as const };
const erc = { id: 'erc', role: 'erc' as const };
const task = (name: string) => `00000000-0000-4000-8000-${name.padStart(12, '0')}`;
const [A, B, C, D, E] = ['a', 'b', 'c', 'd', 'e'].map(task) as [string, string, string, string, string];
const intake = (id: string, minute: number, personId: string) => intakeOf(id, at(minute), personId);
const assessment = { redFlags: [], concern: false, symptoms: 'dizzy', existingServices: [], notes: '' };

/** Claimed, reached and assessed by nurse-1 at minutes 1 to 3 after `minute`. */
function assessed(h: CommandHistory, id: string, minute: number, personId: string): void {
  h.run(id, at(minute), intake(id, minute, personId));
  h.run(id, at(minute + 1), { type: 'Claim', actor: nurse });
  h.run(id, at(minute + 2), { type: 'RecordCallback', actor: nurse, outcome: 'reached' });
  h.run(id, at(minute + 3), { type: 'RecordAssessment', actor: nurse, assessment });
}

/**
 * A: a repeat call, reached and assessed again, then advice. B: the field commander's D unit, on scene at 40, home without
 * conveyance. C: a D unit; S8's first recall reached, the second failed twice (raised to C), the
 * unit overdue at 125, on scene at 130. D: C's patient again (duplicate-open), raised to B by the
 * ERC. E: advice with a v1 follow-up and a nurse's recall; the follow-up finds the patient worse.
 */
function world(): CommandHistory {
  const h = new CommandHistory();
  assessed(h, A, 0, '010150-123A');
  h.run(A, at(4), { type: 'ReceiveErcUpdate', actor: erc, update: { kind: 'repeat-call', notes: 'called again' } });
  // The repeat call made the call and the assessment old: the nurse reaches and assesses the patient again.
  h.run(A, at(5), { type: 'RecordCallback', actor: nurse, outcome: 'reached' });
  h.run(A, at(6), { type: 'RecordAssessment', actor: nurse, assessment });
  h.run(A, at(8), { type: 'Decide', actor: nurse, decision: { kind: 'phone-advice', advice: 'rest', safetyNet: 'call 112', patientInformed: true } });
  h.run(B, at(0), intake(B, 0, '020250-234B'));
  h.run(B, at(3), { type: 'UpdateMission', actor: erc, stage: 'unit-assigned', unitId: 'OU-131', requestedBy: 'field-commander' });
  h.run(B, at(40), { type: 'UpdateMission', actor: erc, stage: 'on-scene', unitId: 'OU-131' });
  h.run(B, at(50), { type: 'UpdateMission', actor: erc, stage: 'completed', unitId: 'OU-131', conveyed: false, xCode: 'X-5' });
  assessed(h, C, 0, '030350-345C');
  h.run(C, at(5), { type: 'Decide', actor: nurse, decision: { kind: 'send-unit', unitLevel: 'basic', urgency: 'D' } });
  h.run(D, at(10), intake(D, 10, '030350-345C'));
  h.run(D, at(12), { type: 'ReceiveErcUpdate', actor: erc, update: { kind: 'urgency-changed', urgency: 'B' } });
  assessed(h, E, 0, '050550-567E');
  h.run(E, at(6), { type: 'Decide', actor: nurse, decision: { kind: 'phone-advice', advice: 'rest', safetyNet: 'call 112', patientInformed: true, followUpAt: at(60) } });
  h.run(E, at(7), { type: 'ScheduleRecall', actor: nurse, recallId: 'nurse-1', dueAt: at(30), reason: 'nurse' });
  h.run(E, at(31), { type: 'Claim', actor: nurse });
  h.run(E, at(32), { type: 'RecordRecall', actor: nurse, recallId: 'nurse-1', outcome: 'reached', condition: 'same' });
  h.run(C, at(34), { type: 'Claim', actor: nurse });
  h.run(C, at(36), { type: 'RecordRecall', actor: nurse, recallId: 'waiting-for-unit-1', outcome: 'reached', condition: 'same' });
  h.run(E, at(61), { type: 'RecordRecall', actor: nurse, recallId: 'follow-up', outcome: 'reached', condition: 'worse' });
  h.run(C, at(66), { type: 'RecordRecall', actor: nurse, recallId: 'waiting-for-unit-2', outcome: 'no-answer' });
  h.run(C, at(70), { type: 'RecordRecall', actor: nurse, recallId: 'waiting-for-unit-2', outcome: 'busy' });
  h.tick(at(125 + 1 / 60));
  h.run(C, at(130), { type: 'UpdateMission', actor: erc, stage: 'on-scene', unitId: 'OU-121' });
  h.run(C, at(150), { type: 'UpdateMission', actor: erc, stage: 'completed', unitId: 'OU-121', conveyed: true });
  return h;
}

describe('what-if over the world around the task (v1.1)', () => {
  const history = world();

  it('reproduces what happened exactly under the configured limits, ERC updates, field units and recalls too', () => {
    const { report, replay } = whatIfOver(history, T0, {});
    expect(report.actual.firings).toMatchObject({ s8RecallsFailed: 1, s8UnitOverdue: 1, s4SecondContactsFlagged: 0 });
    expect(report.actual.measures).toMatchObject({ repeatCalls: 1, fieldCommanderUnits: 1, recalls: { due: 5, reached: 3, worse: 1 } });
    expect(report.whatIf).toEqual(report.actual);
    expect(report.actionsRefused).toEqual({});
    expect(replay.changes()).toEqual([]);
  });

  it('a longer S8 overdue limit alerts no one for C, whose unit was on scene before it', () => {
    const { report } = whatIfOver(history, T0, { s8UnitOverdueMinutes: 200 });
    expect(report.whatIf.firings.s8UnitOverdue).toBe(0);
    expect(whatIfOver(history, T0, { s8UnitOverdueMinutes: 60 }).report.whatIf.firings.s8UnitOverdue).toBe(1);
  });

  it('more S8 attempts before the alert leave C’s request at D', () => {
    const { report } = whatIfOver(history, T0, { s8RecallFailedAttempts: 3 });
    expect(report.whatIf.firings.s8RecallsFailed).toBe(0);
    expect(report.actionsRefused).toEqual({});
  });

  it('a longer S8 interval lets B’s unit reach the scene before its first recall falls due', () => {
    const { report } = whatIfOver(history, T0, { s8RecallMinutes: 60 });
    expect(report.whatIf.measures.recalls.due).toBe(report.actual.measures.recalls.due - 1);
  });
});

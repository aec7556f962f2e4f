import { CommandHistory, intakeOf, whatIfOver } from './command-history.testing';

const T0 = Date.parse('2026-12-01T08:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const nurse = { id: 'nurse-1', role: 'nurse' as const };
const erc = { id: 'erc', role: 'erc' as const };
const partner = { id: 'partner-1', role: 'partner' as const, service: 'oulu-home-care' };
const task = (name: string) => `00000000-0000-4000-8000-${name.padStart(12, '0')}`;
const [A, B, C] = ['a', 'b', 'c'].map(task) as [string, string, string];
const assessment = { redFlags: [], concern: false, symptoms: 'dizzy', existingServices: [], notes: '', language: 'sv', interpreter: true };
const redirect = { kind: 'redirect' as const, target: 'oulu-home-care', targetKind: 'home-care' as const, handoffNote: 'visit today', patientInformed: true, careLevel: 'primary-care' as const, within: 'PT2H' };

/** Claimed, reached, assessed and redirected to home care by nurse-1, accepted at `minute + 10`. */
function referred(h: CommandHistory, id: string, minute: number, personId: string): void {
  h.run(id, at(minute), intakeOf(id, at(minute), personId));
  h.run(id, at(minute + 1), { type: 'Claim', actor: nurse });
  h.run(id, at(minute + 2), { type: 'RecordCallback', actor: nurse, outcome: 'reached' });
  h.run(id, at(minute + 3), { type: 'RecordAssessment', actor: nurse, assessment });
  h.run(id, at(minute + 4), { type: 'RecordConsult', actor: nurse, consultant: 'ems-physician', question: 'home care enough?', advice: 'yes' });
  h.run(id, at(minute + 5), { type: 'Decide', actor: nurse, decision: { ...redirect, consultId: 'consult-1' } });
  h.run(id, at(minute + 10), { type: 'AcceptHandoff', actor: partner });
}

/**
 * A: visited after 5 hours (resolved). B: the visit failed after 3 hours; a nurse sends a unit,
 * which leaves the patient at home. C: no report: the visit limit (24 h) returns it, advice.
 */
function closedLoop(): CommandHistory {
  const h = new CommandHistory();
  referred(h, A, 0, '010150-123A');
  referred(h, B, 0, '020250-234B');
  referred(h, C, 0, '030350-345C');
  h.run(B, at(190), { type: 'FailHandoff', actor: partner, reason: 'nobody home' });
  h.run(B, at(191), { type: 'Claim', actor: nurse });
  h.run(B, at(192), { type: 'Decide', actor: nurse, decision: { kind: 'send-unit', unitLevel: 'basic', urgency: 'D' } });
  h.run(B, at(200), { type: 'UpdateMission', actor: erc, stage: 'unit-assigned', unitId: 'OU-121' });
  h.run(B, at(260), { type: 'UpdateMission', actor: erc, stage: 'completed', unitId: 'OU-121', conveyed: false, xCode: 'X-5' });
  h.run(A, at(300), { type: 'CompleteHandoff', actor: partner, visitedAt: at(290) });
  h.tick(at(10 + 24 * 60 + 1));
  h.run(C, at(10 + 24 * 60 + 5), { type: 'Claim', actor: nurse });
  // A returned referral is advised only once the patient is reached and assessed again.
  h.run(C, at(10 + 24 * 60 + 5.5), { type: 'RecordCallback', actor: nurse, outcome: 'reached' });
  h.run(C, at(10 + 24 * 60 + 5.75), { type: 'RecordAssessment', actor: nurse, assessment });
  h.run(C, at(10 + 24 * 60 + 6), { type: 'Decide', actor: nurse, decision: { kind: 'phone-advice', advice: 'rest', safetyNet: 'call 112', patientInformed: true, careLevel: 'self-care' } });
  return h;
}

describe('what-if over closed-loop handoffs, dispositions and consults (issue 14)', () => {
  const history = closedLoop();

  it('reproduces what happened exactly under the configured limits, issue 14’s measures too', () => {
    const { report, replay } = whatIfOver(history, T0, {});
    expect(report.actual.measures).toMatchObject({
      resolvedWithoutUnit: 2,
      consults: 3,
      interpreter: 3,
      failedVisits: 2,
      overTriage: { unitsDecided: 1, notConveyed: 1 },
      unitMinutesMeasured: { median: 60, missions: 1 },
      careLevel: { 'primary-care': 1, 'self-care': 1 },
    });
    expect(report.actual.firings.handoffVisitsOverdue).toBe(1);
    expect(report.whatIf).toEqual({ ...report.actual, rules: report.whatIf.rules });
    expect(report.actionsRefused).toEqual({});
    expect(replay.changes()).toEqual([]);
  });

  it('a visit limit of 2 hours returns every referral before its report: the reports are refused, none resolved by a visit', () => {
    const { report } = whatIfOver(history, T0, { handoffVisitHours: 2 });
    expect(report.whatIf.firings.handoffVisitsOverdue).toBe(3);
    expect(report.actionsRefused).toEqual({ 'not-awaiting-visit': 2 });
    // C's advice still resolves it; A's visit is never reported, so A waits.
    expect(report.whatIf.measures.resolvedWithoutUnit).toBe(1);
    expect(report.whatIf.measures.failedVisits).toBe(3);
  });
});

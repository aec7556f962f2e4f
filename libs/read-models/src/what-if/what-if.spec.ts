import { DEFAULT_SAFETY_RULES, SafetyRules } from '@dtask/domain';
import { LiveHistory } from '../testing/live-history';
import { CommandHistory, intakeOf, whatIfOver } from './command-history.testing';
import { WhatIfReplay } from './what-if';

const T0 = Date.parse('2026-11-22T10:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const nurse = { id: 'nurse-1', role: 'nurse' as const };
const supervisor = { id: 'super-1', role: 'supervisor' as const };
const homeCare = { id: 'partner-home', role: 'partner' as const, service: 'oulu-home-care' };

const task = (name: string) => `00000000-0000-4000-8000-${name.padStart(12, '0')}`;
const intake = (id: string, minute: number, personId: string) => intakeOf(id, at(minute), personId);
const assessment = { redFlags: [], concern: false, symptoms: 'dizzy', existingServices: [], notes: '' };
const advice = (followUpAt?: string) => ({ type: 'Decide' as const, actor: nurse, decision: { kind: 'phone-advice' as const, advice: 'rest', safetyNet: 'call 112 if worse', patientInformed: true, ...(followUpAt ? { followUpAt } : {}) } });

/**
 * One morning of the centre, written as the live service writes it (scheduler one second late):
 * A advised; B unreachable after two calls; C unreachable on S1's time rule; D never reached, S2;
 * E redirected, declined, then advised; F a second contact of A's patient, advised on override;
 * G reached on the second call and advised.
 */
function morning(): LiveHistory {
  const h = new CommandHistory();
  const [A, B, C, D, E, F, G] = ['a', 'b', 'c', 'd', 'e', 'f', '9'].map(task);
  h.run(A!, at(0), intake(A!, 0, '010150-123A'));
  h.run(B!, at(0), intake(B!, 0, '020250-234B'));
  h.run(C!, at(0), intake(C!, 0, '030350-345C'));
  h.run(D!, at(0), intake(D!, 0, '040450-456D'));
  h.run(G!, at(0), intake(G!, 0, '070750-789G'));
  h.run(A!, at(1), { type: 'Claim', actor: nurse });
  h.run(A!, at(2), { type: 'RecordCallback', actor: nurse, outcome: 'reached' });
  h.run(A!, at(5), { type: 'RecordAssessment', actor: nurse, assessment });
  h.run(A!, at(8), advice());
  h.run(B!, at(3), { type: 'Claim', actor: nurse });
  h.run(B!, at(4), { type: 'RecordCallback', actor: nurse, outcome: 'no-answer' });
  h.run(G!, at(3.5), { type: 'Claim', actor: { id: 'nurse-2', role: 'nurse' } });
  h.run(G!, at(4), { type: 'RecordCallback', actor: { id: 'nurse-2', role: 'nurse' }, outcome: 'no-answer' });
  h.run(C!, at(4.5), { type: 'Claim', actor: { id: 'nurse-3', role: 'nurse' } });
  h.run(C!, at(5), { type: 'RecordCallback', actor: { id: 'nurse-3', role: 'nurse' }, outcome: 'busy' });
  h.run(C!, at(6), { type: 'Release', actor: { id: 'nurse-3', role: 'nurse' } });
  h.run(G!, at(6), { type: 'RecordCallback', actor: { id: 'nurse-2', role: 'nurse' }, outcome: 'reached' });
  h.run(G!, at(7), { type: 'RecordAssessment', actor: { id: 'nurse-2', role: 'nurse' }, assessment });
  h.run(G!, at(9), { ...advice(), actor: { id: 'nurse-2', role: 'nurse' } });
  h.run(B!, at(10), { type: 'RecordCallback', actor: nurse, outcome: 'no-answer' });
  h.run(E!, at(10), intake(E!, 10, '050550-567E'));
  h.tick(at(20 + 1 / 60));
  h.run(E!, at(30), { type: 'Claim', actor: nurse });
  h.tick(at(30 + 1 / 60));
  h.run(E!, at(35), { type: 'RecordCallback', actor: nurse, outcome: 'reached' });
  h.run(E!, at(37), { type: 'RecordAssessment', actor: nurse, assessment });
  h.run(E!, at(40), { type: 'Decide', actor: nurse, decision: { kind: 'redirect', target: 'oulu-home-care', targetKind: 'home-care', handoffNote: 'visit', patientInformed: true } });
  h.run(E!, at(50), { type: 'DeclineHandoff', actor: homeCare, reason: 'no capacity' });
  h.run(E!, at(52), { type: 'Claim', actor: nurse });
  // A returned referral is decided again only once the patient is reached and assessed again.
  h.run(E!, at(53), { type: 'RecordCallback', actor: nurse, outcome: 'reached' });
  h.run(E!, at(54), { type: 'RecordAssessment', actor: nurse, assessment });
  h.run(E!, at(55), advice());
  h.tick(at(60 + 1 / 60));
  h.run(F!, at(240), intake(F!, 240, '010150-123A'));
  h.run(F!, at(241), { type: 'Claim', actor: nurse });
  h.run(F!, at(242), { type: 'RecordCallback', actor: nurse, outcome: 'reached' });
  h.run(F!, at(245), { type: 'RecordAssessment', actor: nurse, assessment });
  h.run(F!, at(246), { type: 'GrantOverride', actor: supervisor, rule: 'S4-second-contact', reason: 'known patient, stable' });
  h.run(F!, at(248), advice());
  return h;
}

const whatIf = (history: LiveHistory, changes: Partial<SafetyRules>) => whatIfOver(history, T0, changes);

const [A, B, C, D, E, F, G] = ['a', 'b', 'c', 'd', 'e', 'f', '9'].map(task);

describe('what-if replay', () => {
  const history = morning();

  it('reproduces what happened exactly under the configured limits', () => {
    const { report, replay } = whatIf(history, {});
    // By hand: B (second failed call) and C (15 min after its failed call) unreachable; D and E
    // alerted at 20 min, D sent a unit at 60; F a second contact; A, E, F, G advised.
    expect(report.actual.firings).toEqual({ s1UnreachableDispatches: 2, s2Alerts: 2, s2WaitingLimitDispatches: 1, s4SecondContactsFlagged: 1, s6HandoffTimeouts: 0, s8RecallsFailed: 0, s8UnitOverdue: 0, handoffVisitsOverdue: 0 });
    expect(report.actual.measures.resolvedWithoutUnit).toBe(4);
    expect(report.actual.measures.unitRequested).toBe(3);
    expect(report.whatIf).toEqual({ ...report.actual });
    expect(report.tasksChanged).toBe(0);
    expect(report.actionsRefused).toEqual({});
    expect(replay.changes()).toEqual([]);
  });

  it('a stricter S1 attempt count sends a unit at the first failed call, and to exactly those tasks', () => {
    const { report, replay } = whatIf(history, { s1FailedAttempts: 1 });
    // G was reached on its second call: one attempt is enough to send it a unit instead.
    expect(report.whatIf.firings.s1UnreachableDispatches).toBe(3);
    expect(replay.changes()).toEqual([{ taskId: G, actual: 'phone-advice', whatIf: 'send-unit (unreachable)' }]);
    expect(report.whatIf.measures.resolvedWithoutUnit).toBe(3);
    // Refused once a unit is on its way: B's second call, C's release, G's call and assessment
    // (no longer claimed) and G's advice (already decided).
    expect(report.actionsRefused).toEqual({ 'not-claimed': 4, 'already-decided': 1 });
  });

  it('a stricter S1 time limit fires at its own due time', () => {
    const { replay } = whatIf(history, { s1MinutesAfterFirstFailure: 5 });
    // B failed at 4 min (unit at 9, before its second call at 10); C at 5 (unit at 10); G failed at 4 but was reached at 6.
    expect(replay.decisionTimeOf(B!)).toBe(at(9));
    expect(replay.decisionTimeOf(C!)).toBe(at(10));
    expect(replay.changes()).toEqual([]);
  });

  it('a shorter S2 limit sends D a unit at 30 min; E, reached at 25 min, keeps its advice', () => {
    const { report, replay } = whatIf(history, { s2DispatchMinutes: 30 });
    expect(replay.decisionTimeOf(D!)).toBe(at(30));
    expect(replay.decisionTimeOf(E!)).toBe(at(55));
    expect(report.whatIf.firings.s2WaitingLimitDispatches).toBe(1);
    expect(report.whatIf.measures.timeToDecision.p90Seconds).toBeLessThan(report.actual.measures.timeToDecision.p90Seconds!);
  });

  it('a longer S2 limit leaves D waiting until its own limit, within the recorded history', () => {
    const { replay } = whatIf(history, { s2DispatchMinutes: 120 });
    expect(replay.decisionTimeOf(D!)).toBe(at(120));
  });

  it('a shorter S4 window no longer flags F, so its override is refused as not applicable', () => {
    const { report, replay } = whatIf(history, { s4SecondContactHours: 2 });
    expect(report.whatIf.firings.s4SecondContactsFlagged).toBe(0);
    expect(report.actionsRefused).toEqual({ 'override-not-applicable': 1 });
    expect(replay.changes()).toEqual([]);
  });

  it('a shorter handoff limit times E out before its decline', () => {
    const { report } = whatIf(history, { s6HandoffMinutes: 5 });
    expect(report.whatIf.firings.s6HandoffTimeouts).toBe(1);
    expect(report.actionsRefused).toEqual({ 'not-awaiting-handoff': 1 });
    expect(report.whatIf.measures.declinedHandoffs).toBe(0);
  });

  it('reports only tasks received in the window', () => {
    const replay = new WhatIfReplay({ fromMs: T0 + 60 * 60_000, toMs: T0 + 86_400_000, actualRules: DEFAULT_SAFETY_RULES, whatIfRules: DEFAULT_SAFETY_RULES, assumedMissionMinutes: 75 });
    for (const event of history.events) replay.apply(event);
    expect(replay.report().whatIf.measures.tasks).toBe(1); // F
  });
});

import { FoldEvent } from '../fold-event';
import { isResolvedWithoutUnit, measure, measureGroups } from './load-reduction';
import { measureRows, measuresCsv } from './measure-rows';
import { TaskFactsFold } from './task-facts';

let position = 0;
const T0 = Date.parse('2026-11-02T08:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const n1 = { id: 'n1', role: 'nurse' };
const n2 = { id: 'n2', role: 'nurse' };
const erc = { id: 'erc', role: 'erc' };
const partner = { id: 'hc-1', role: 'partner' };
const system = { id: 'policy-engine', role: 'system' };
const HOUR = 60;

function ev(task: string, type: string, minute: number, data: Record<string, unknown> = {}, actor = n1): FoldEvent {
  position += 1;
  return { position: String(position), streamId: `dtask-${task}`, type, data, metadata: { occurredAt: at(minute), actor } };
}
const received = (task: string, minute: number, personId: string, municipality = 'Oulu') =>
  ev(task, 'DTaskReceived', minute, { taskId: task, receivedAt: at(minute), taskCode: '745', municipality, area: municipality, patient: { personId } }, erc);
const reached = (task: string, minute: number, actor = n1) => ev(task, 'CallbackAttempted', minute, { outcome: 'reached', attempt: 1 }, actor);
const mission = (task: string, minute: number, stage: string, extra: Record<string, unknown> = {}) =>
  ev(task, 'MissionUpdated', minute, { stage, unitId: `U-${task}`, ...extra }, erc);
const redirect = (task: string, minute: number, extra: Record<string, unknown> = {}, actor = n1) =>
  ev(task, 'RedirectRequested', minute, { target: 'hc', targetKind: 'home-care', handoffNote: 'visit', patientInformed: true, handoffDeadline: at(minute + 30), ...extra }, actor);
const accepted = (task: string, minute: number, visitBy?: number) =>
  ev(task, 'HandoffAccepted', minute, { target: 'hc', partnerId: 'hc-1', ...(visitBy === undefined ? {} : { visitBy: at(visitBy) }) }, partner);

/**
 * V: consulted, redirected, the visit failed, a nurse sends a unit (conveyed). O: consulted late, a
 * nurse's unit that left the patient at home (over-triage). A: advice through an interpreter. R: a
 * redirect whose visit went overdue, redirected again and visited (resolved). L: closed at the
 * acceptance with no visit told (a v1 stream: not resolved). S: unreachable, S1's unit. E: escalated
 * with its unit. W: waiting, its target not yet passed. X: cancelled. Y: O's patient 10 h after the
 * mission. Z: A's patient 50 h after the advice, whose second assessment took the interpreter back.
 */
function history(): FoldEvent[] {
  return [
    received('V', 0, 'pv'),
    reached('V', 5, n2),
    ev('V', 'ConsultRecorded', 8, { consultId: 'c-v', consultant: 'field-commander', question: 'home care?', advice: 'yes' }, n2),
    redirect('V', 10, { careLevel: 'primary-care', within: 'PT4H', consultId: 'c-v' }, n2),
    accepted('V', 20, 20 + 24 * HOUR),
    ev('V', 'HandoffFailed', 90, { target: 'hc', partnerId: 'hc-1', reason: 'nobody home' }, partner),
    ev('V', 'UnitRequested', 95, { unitLevel: 'basic', urgency: 'D', reason: 'nurse-decision' }, n2),
    mission('V', 100, 'unit-assigned'),
    mission('V', 145, 'completed', { conveyed: true }),
    ev('V', 'DTaskClosed', 145, { outcome: 'unit-mission' }, erc),
    received('O', 0, 'po', 'Raahe'),
    reached('O', 40),
    ev('O', 'ConsultRecorded', 42, { consultId: 'c-o', consultant: 'ems-physician', question: 'unit?', advice: 'send one' }),
    ev('O', 'UnitRequested', 45, { unitLevel: 'basic', urgency: 'D', reason: 'nurse-decision', consultId: 'c-o' }),
    mission('O', 50, 'unit-assigned'),
    mission('O', 70, 'on-scene'),
    mission('O', 110, 'completed', { conveyed: false, xCode: 'X-5' }),
    ev('O', 'DTaskClosed', 110, { outcome: 'unit-mission' }, erc),
    received('A', 0, 'pa'),
    reached('A', 10),
    ev('A', 'AssessmentRecorded', 11, { redFlags: [], concern: false, symptoms: 'cough', existingServices: [], notes: '', language: 'sv', interpreter: true }),
    ev('A', 'PhoneAdviceGiven', 12, { advice: 'rest', safetyNet: '112', patientInformed: true, careLevel: 'self-care', within: 'PT24H', transport: 'none' }),
    ev('A', 'DTaskClosed', 12, { outcome: 'phone-advice' }),
    received('R', 0, 'pr'),
    reached('R', 30),
    redirect('R', 32, { careLevel: 'primary-care', within: 'PT2H' }),
    accepted('R', 40, 100),
    ev('R', 'HandoffVisitOverdue', 100, { target: 'hc', visitBy: at(100) }, system),
    redirect('R', 110, { careLevel: 'primary-care', within: 'PT2H' }),
    accepted('R', 115, 115 + 24 * HOUR),
    ev('R', 'HandoffCompleted', 200, { target: 'hc', partnerId: 'hc-1', visitedAt: at(190) }, partner),
    ev('R', 'DTaskClosed', 200, { outcome: 'redirect' }, partner),
    received('L', 0, 'pl'),
    reached('L', 31),
    redirect('L', 35),
    accepted('L', 40),
    ev('L', 'DTaskClosed', 40, { outcome: 'redirect' }, partner),
    received('S', 0, 'ps'),
    ev('S', 'UnitRequested', 35, { unitLevel: 'basic', urgency: 'D', reason: 'unreachable' }, system),
    mission('S', 40, 'unit-assigned'),
    mission('S', 130, 'completed', { conveyed: true }),
    received('E', 0, 'pe'),
    reached('E', 20),
    ev('E', 'UrgencyEscalated', 21, { from: 'D', to: 'B', reason: 'chest pain', trigger: 'red-flag', redFlags: ['chest-pain'] }),
    ev('E', 'UnitRequested', 21, { unitLevel: 'advanced', urgency: 'B', reason: 'escalation' }),
    mission('E', 30, 'unit-assigned'),
    mission('E', 200, 'completed', { conveyed: true }),
    received('W', 72 * HOUR - 10, 'pw'),
    received('X', 0, 'px'),
    ev('X', 'DTaskCancelled', 1, { reason: 'duplicate' }, erc),
    received('Y', 110 + 10 * HOUR, 'po', 'Raahe'),
    received('Z', 12 + 50 * HOUR, 'pa'),
    reached('Z', 15 + 50 * HOUR),
    ev('Z', 'AssessmentRecorded', 16 + 50 * HOUR, { redFlags: [], concern: false, symptoms: '', existingServices: [], notes: '', interpreter: true }),
    ev('Z', 'AssessmentRecorded', 17 + 50 * HOUR, { redFlags: [], concern: false, symptoms: '', existingServices: [], notes: '', interpreter: false }),
  ];
}

const options = { assumedMissionMinutes: 75, windowDays: 30, asOfMs: T0 + 72 * HOUR * 60_000 };

describe('the measures of the published evaluations (issue 14)', () => {
  const fold = new TaskFactsFold();
  for (const event of history()) fold.apply(event);
  const tasks = [...fold.tasks.values()];
  const m = measure(tasks, options);

  it('measures the unit time of D missions beside the assumption, an escalated one left out', () => {
    // V 45, O 60, S 90 minutes from the unit assigned to the mission completed; E was escalated to B.
    expect(m.unitMinutesMeasured).toEqual({ median: 60, p90: 90, mean: 65, missions: 3 });
    expect(m.assumedMissionMinutes).toBe(75);
    // A and R resolved: 2 × 75 min assumed, 2 × 65 min measured.
    expect(m.unitHoursAvoided).toBe(2.5);
    expect(m.unitHoursAvoidedMeasured).toBe(2.17);
  });

  it('resolves a redirect only once its visit is reported done', () => {
    expect(m.resolvedWithoutUnit).toBe(2);
    expect(['A', 'R', 'L', 'V'].map((id) => isResolvedWithoutUnit(fold.tasks.get(id)!))).toEqual([true, true, false, false]);
    expect(m.redirectClosedWithoutVisit).toBe(1); // L
    expect(m.failedVisits).toBe(2); // V failed, R overdue
  });

  it('counts the share contacted within the target, a task still inside it left out', () => {
    // Counted: V 5, O 40, A 10, R 30, L 31, E 20, Z 3 minutes; S and Y never reached. W is not yet past 30 min.
    expect(m.withinTarget).toEqual({ targetMinutes: 30, tasks: 9, within: 5, share: 0.5556 });
    expect(measure(tasks, { ...options, contactTargetMinutes: 45 }).withinTarget).toEqual({ targetMinutes: 45, tasks: 9, within: 7, share: 0.7778 });
  });

  it('counts over-triage: the nurses’ units whose mission ended without conveyance, not S1’s nor an escalation’s', () => {
    expect(m.overTriage).toEqual({ unitsDecided: 2, notConveyed: 1, share: 0.5 });
  });

  it('counts dispositions by the final decision’s care level and timeframe, consults and interpreter use', () => {
    expect(m.careLevel).toEqual({ 'self-care': 1, 'primary-care': 1, 'emergency-department': 0, 'social-care': 0, other: 0 });
    expect(m.careLevelWithin).toEqual({ 'self-care': { PT24H: 1 }, 'primary-care': { PT2H: 1 } });
    expect(m.consults).toBe(2);
    expect(m.timeToConsult).toEqual({ medianSeconds: 480, p90Seconds: 2520 });
    expect(m.interpreter).toBe(1); // A; Z's last assessment took it back
  });

  it('counts re-contacts after any decision, a mission that left the patient at home too', () => {
    expect(fold.tasks.get('Y')).toMatchObject({ recontactWithin24h: true, secondContactWithin72h: false });
    expect(fold.tasks.get('Z')).toMatchObject({ recontactWithin24h: false, recontactWithin72h: true });
    expect(m.recontacts).toMatchObject({ within24h: 1, within72h: 2 });
  });

  it('breaks every one of them down, as the others', () => {
    const raahe = measureGroups(tasks, 'municipality', options).find((group) => group.key === 'Raahe')!;
    expect(raahe).toMatchObject({
      tasks: 2,
      unitMinutesMeasured: { median: 60, p90: 60, mean: 60, missions: 1 },
      withinTarget: { tasks: 2, within: 0, share: 0 },
      overTriage: { unitsDecided: 1, notConveyed: 1, share: 1 },
      consults: 1,
      recontacts: { within24h: 1 },
    });
    const n2Group = measureGroups(tasks, 'nurse', options).find((group) => group.key === 'n2')!;
    expect(n2Group).toMatchObject({ tasks: 1, consults: 1, overTriage: { unitsDecided: 1, notConveyed: 0 }, failedVisits: 1 });
  });

  it('writes them to the measures CSV, 0 where a group has none of a care level', () => {
    const [header, ...rows] = measuresCsv(measureRows(tasks, options)).trim().split('\r\n');
    const columns = header!.split(',');
    const cell = (row: string, name: string) => row.split(',')[columns.indexOf(name)];
    const total = rows[0]!;
    expect(['unitMinutesMeasured.median', 'unitMinutesMeasured.p90', 'withinTarget.targetMinutes', 'withinTarget.share', 'overTriage.notConveyed', 'overTriage.share', 'careLevel.self-care', 'careLevelWithin.primary-care.PT2H', 'consults', 'interpreter', 'recontacts.within72h'].map((name) => cell(total, name)))
      .toEqual(['60', '90', '30', '0.5556', '1', '0.5', '1', '1', '2', '1', '2']);
    const raahe = rows.find((row) => row.startsWith('municipality,Raahe,'))!;
    expect([cell(raahe, 'careLevel.self-care'), cell(raahe, 'careLevelWithin.primary-care.PT2H')]).toEqual(['0', '0']);
  });
});

import { FoldEvent } from '../fold-event';
import { isResolvedWithoutUnit, measure, measureGroups } from './load-reduction';
import { measureRows, measuresCsv } from './measure-rows';
import { TaskFactsFold } from './task-facts';

let position = 0;
const T0 = Date.parse('2026-11-02T08:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const nurse = { id: 'n1', role: 'nurse' };
const erc = { id: 'erc', role: 'erc' };
const system = { id: 'policy-engine', role: 'system' };
const HOUR = 60;
const round = (share: number) => Math.round(share * 10_000) / 10_000;

function ev(task: string, type: string, minute: number, data: Record<string, unknown> = {}, actor = nurse): FoldEvent {
  position += 1;
  return { position: String(position), streamId: `dtask-${task}`, type, data, metadata: { occurredAt: at(minute), actor } };
}
const received = (task: string, minute: number, personId: string, municipality = 'Oulu') =>
  ev(task, 'DTaskReceived', minute, { taskId: task, receivedAt: at(minute), taskCode: '745', municipality, area: municipality, patient: { personId } }, erc);
const recall = (task: string, minute: number, recallId: string, reason: string, dueMinute: number) =>
  ev(task, 'RecallScheduled', minute, { recallId, reason, dueAt: at(dueMinute) }, reason === 'nurse' ? nurse : system);
const recalled = (task: string, minute: number, recallId: string, outcome: string, attempt: number, condition?: string) =>
  ev(task, 'RecallCompleted', minute, { recallId, outcome, attempt, ...(condition ? { condition } : {}) });
const mission = (task: string, minute: number, stage: string, extra: Record<string, unknown> = {}) =>
  ev(task, 'MissionUpdated', minute, { stage, unitId: 'OU-121', ...extra }, erc);

/**
 * P: advice with a v1 follow-up that reaches the patient. Q: two repeat calls while waiting, a D
 * unit, an S8 recall reached (worse), a second one the unit's arrival ended before it fell due, no
 * conveyance. R: the field commander's unit. U: a nurse's recall failed twice, and one not yet due.
 * S (Q's patient 20 h after the mission) and T (P's patient 48 h after the advice) call again.
 */
function history(): FoldEvent[] {
  return [
    received('P', 0, 'p1'),
    ev('P', 'CallbackAttempted', 5, { outcome: 'reached', attempt: 1 }),
    ev('P', 'PhoneAdviceGiven', 10, { advice: 'rest', safetyNet: '112', patientInformed: true }),
    ev('P', 'FollowUpScheduled', 10, { dueAt: at(60) }),
    ev('P', 'FollowUpCompleted', 62, { outcome: 'reached' }),
    ev('P', 'DTaskClosed', 62, { outcome: 'phone-advice' }),
    ev('P', 'ErcUpdateReceived', 70, { kind: 'repeat-call' }, erc), // after closure: not while waiting
    received('Q', 0, 'p2', 'Raahe'),
    ev('Q', 'ErcUpdateReceived', 15, { kind: 'repeat-call', notes: 'called again' }, erc),
    ev('Q', 'ErcUpdateReceived', 20, { kind: 'new-information', notes: 'door code 1234' }, erc),
    ev('Q', 'ErcUpdateReceived', 25, { kind: 'repeat-call' }, erc),
    ev('Q', 'UnitRequested', 30, { unitLevel: 'basic', urgency: 'D', reason: 'nurse-decision' }),
    recall('Q', 30, 'waiting-for-unit-1', 'waiting-for-unit', 60),
    recalled('Q', 61, 'waiting-for-unit-1', 'reached', 1, 'worse'),
    recall('Q', 61, 'waiting-for-unit-2', 'waiting-for-unit', 90),
    mission('Q', 80, 'on-scene'),
    mission('Q', 120, 'completed', { conveyed: false, xCode: 'X-5' }),
    ev('Q', 'DTaskClosed', 120, { outcome: 'unit-mission' }, erc),
    received('R', 5, 'p3'),
    ev('R', 'UnitAttachedByField', 6, { unitId: 'OU-131' }, erc),
    mission('R', 6, 'unit-assigned'),
    received('U', 40, 'p4'),
    recall('U', 45, 'nurse-1', 'nurse', 100),
    recalled('U', 101, 'nurse-1', 'no-answer', 1),
    recalled('U', 105, 'nurse-1', 'busy', 2),
    recall('U', 105, 'nurse-2', 'nurse', 100 * HOUR),
    received('S', 120 + 20 * HOUR, 'p2', 'Raahe'),
    received('T', 10 + 48 * HOUR, 'p1'),
  ];
}

const options = { assumedMissionMinutes: 60, windowDays: 30, asOfMs: T0 + 50 * HOUR * 60_000 };

describe('the measures of the world around the task', () => {
  const fold = new TaskFactsFold();
  for (const event of history()) fold.apply(event);
  const tasks = [...fold.tasks.values()];
  const facts = (taskId: string) => fold.tasks.get(taskId)!;

  it('counts repeat calls while the task is open, and the field commander’s unit as a unit', () => {
    const m = measure(tasks, options);
    expect(m.repeatCalls).toBe(2);
    expect(m.fieldCommanderUnits).toBe(1);
    expect(facts('R')).toMatchObject({ unitRequested: true, fieldCommanderUnit: true, decision: 'send-unit' });
    expect(facts('R').nurse).toBeUndefined();
    expect(isResolvedWithoutUnit({ ...facts('R'), closedOutcome: 'phone-advice' })).toBe(false);
    expect(m.unitRequested).toBe(2); // Q and R
  });

  it('counts the recalls that fell due before they ended, those that reached the patient, and the worse ones', () => {
    // Due: P's follow-up, Q's first, U's first (pending, past due); not Q's second (unit on scene first) nor U's second.
    expect(measure(tasks, options).recalls).toEqual({ due: 3, reached: 2, worse: 1 });
    expect(measure(tasks, { ...options, asOfMs: Number.POSITIVE_INFINITY }).recalls.due).toBe(4);
  });

  it('counts a v1 follow-up that found the patient worse as worse: the escalation came with it', () => {
    const worse = new TaskFactsFold();
    for (const event of [
      received('W', 0, 'p8'),
      ev('W', 'PhoneAdviceGiven', 5, {}),
      ev('W', 'FollowUpScheduled', 5, { dueAt: at(60) }),
      ev('W', 'FollowUpCompleted', 61, { outcome: 'reached', attempt: 1 }),
      ev('W', 'UrgencyEscalated', 61, { from: 'D', to: 'C', reason: 'condition worse at recall follow-up', trigger: 'nurse' }),
      ev('W', 'UrgencyEscalated', 70, { from: 'C', to: 'B', reason: 'chest pain', trigger: 'red-flag' }),
    ]) worse.apply(event);
    expect(measure([...worse.tasks.values()], options).recalls).toEqual({ due: 1, reached: 1, worse: 1 });
  });

  it('counts re-contacts within 24 h and 72 h of any decision, a mission without conveyance too', () => {
    expect(facts('S')).toMatchObject({ recontactWithin24h: true, recontactWithin72h: true, secondContactWithin72h: false });
    expect(facts('T')).toMatchObject({ recontactWithin24h: false, recontactWithin72h: true, secondContactWithin72h: true });
    expect(facts('Q').conveyed).toBe(false);
    expect(measure(tasks, options).recontacts).toEqual({ within24h: 1, within72h: 2, rate24h: round(1 / 6), rate72h: round(2 / 6) });
  });

  it('breaks each of them down like the others, in the report and its CSV', () => {
    const byMunicipality = measureGroups(tasks, 'municipality', options);
    expect(byMunicipality.map((g) => [g.key, g.repeatCalls, g.recalls.worse, g.fieldCommanderUnits, g.recontacts.within24h])).toEqual([
      ['Oulu', 0, 0, 1, 0],
      ['Raahe', 2, 1, 0, 1],
    ]);
    const [header, total] = measuresCsv(measureRows(tasks, options)).split('\r\n');
    const columns = header!.split(',');
    const cell = (name: string) => total!.split(',')[columns.indexOf(name)];
    expect([cell('repeatCalls'), cell('recalls.due'), cell('recalls.reached'), cell('recalls.worse'), cell('fieldCommanderUnits'), cell('recontacts.within24h'), cell('recontacts.within72h')]).toEqual(['2', '3', '2', '1', '1', '1', '2']);
  });

  it('tells how many contacts the patient had in the last 7 and 30 days', () => {
    expect(fold.contactsOfPatient('T', T0 + (10 + 48 * HOUR) * 60_000)).toEqual({ last7Days: 1, last30Days: 1 });
    expect(fold.contactsOfPatient('T', T0 + 10 * 24 * HOUR * 60_000)).toEqual({ last7Days: 0, last30Days: 1 });
    expect(fold.contactsOfPatient('R', T0)).toEqual({ last7Days: 0, last30Days: 0 });
  });

  it('folds a task written before recalls and ERC updates as before', () => {
    const old = new TaskFactsFold();
    for (const event of [received('V', 0, 'p9'), ev('V', 'PhoneAdviceGiven', 5, {}), ev('V', 'DTaskClosed', 5, { outcome: 'phone-advice' })]) old.apply(event);
    expect(old.tasks.get('V')).toMatchObject({ repeatCalls: 0, recalls: [], fieldCommanderUnit: false, recontactWithin24h: false });
  });
});

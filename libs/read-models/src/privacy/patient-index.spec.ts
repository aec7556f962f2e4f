import { FoldEvent } from '../fold-event';
import { PatientIndex } from './patient-index';
import { Pseudonymiser } from './pseudonymiser';

let position = 0;
const event = (taskId: string, type: string, minute: number, data: Record<string, unknown> = {}): FoldEvent => ({
  position: String((position += 1)),
  streamId: `dtask-${taskId}`,
  type,
  data,
  metadata: { occurredAt: new Date(Date.UTC(2026, 10, 2, 8, minute)).toISOString(), actor: { id: 'nurse-1', role: 'nurse' } },
});
const completed = (taskId: string, minute: number, mission: Record<string, unknown>) => event(taskId, 'MissionUpdated', minute, { stage: 'completed', unitId: 'OU-121', ...mission });
const intake = (taskId: string, callbackPhone: string, personId?: string) =>
  event(taskId, 'DTaskReceived', 0, { taskId, patient: { ageYears: 70, ...(personId ? { personId } : {}) }, callbackPhone });

describe('PatientIndex', () => {
  const pseudonymiser = new Pseudonymiser('k'.repeat(32));

  it('is one patient however the number is written, and remembers the last no-unit decision', () => {
    const index = new PatientIndex(pseudonymiser);
    for (const e of [intake('t1', '040 765 4321'), event('t1', 'PhoneAdviceGiven', 10), intake('t2', '+358-40-765 4321')]) index.apply(e);
    expect(index.patientOf('t2')).toBe(index.patientOf('t1'));
    expect(index.tasksOf(index.patientOf('t1')!)).toEqual(['t1', 't2']);
    expect(index.lastNoUnitDecisionOf(undefined, '+358407654321')).toEqual({ previousTaskId: 't1', previousDecision: 'phone-advice', previousDecidedAt: '2026-11-02T08:10:00.000Z' });
    expect(index.lastNoUnitDecisionOf('010142-123A', '+358407654321')).toBeUndefined();
  });

  it('forgets a no-unit decision its own task then sent a unit for, not another task’s', () => {
    const index = new PatientIndex();
    for (const e of [intake('t1', '0401', 'X'), event('t1', 'PhoneAdviceGiven', 1), intake('t2', '0401', 'X'), event('t2', 'RedirectRequested', 2), event('t1', 'UnitRequested', 3)]) index.apply(e);
    expect(index.lastNoUnitDecisionOf('X', undefined)?.previousTaskId).toBe('t2');
    index.apply(event('t2', 'UnitRequested', 4));
    expect(index.lastNoUnitDecisionOf('X', undefined)).toBeUndefined();
  });

  it('takes a unit mission that ended without conveyance as S4’s previous contact, a conveyed one not', () => {
    const index = new PatientIndex();
    for (const e of [intake('t1', '0401', 'X'), event('t1', 'PhoneAdviceGiven', 1), intake('t2', '0401', 'X'), event('t2', 'UnitRequested', 2), completed('t2', 50, { conveyed: true })]) index.apply(e);
    expect(index.lastNoUnitDecisionOf('X', undefined)?.previousTaskId).toBe('t1');
    index.apply(completed('t2', 55, { xCode: 'X-5' }));
    expect(index.lastNoUnitDecisionOf('X', undefined)).toEqual({ previousTaskId: 't2', previousDecision: 'unit-not-conveyed', previousDecidedAt: '2026-11-02T08:55:00.000Z' });
    for (const e of [intake('t3', '0402', 'Y'), event('t3', 'UnitAttachedByField', 3, { unitId: 'OU-131' }), completed('t3', 40, { conveyed: false })]) index.apply(e);
    expect(index.lastNoUnitDecisionOf('Y', undefined)).toMatchObject({ previousTaskId: 't3', previousDecision: 'unit-not-conveyed' });
  });

  it('keeps our own no-unit decisions apart from missions, and the last decision of any kind (re-contacts)', () => {
    const index = new PatientIndex();
    for (const e of [intake('t1', '0401', 'X'), event('t1', 'PhoneAdviceGiven', 1), intake('t2', '0401', 'X'), event('t2', 'UnitRequested', 2), completed('t2', 50, { conveyed: false })]) index.apply(e);
    const patient = index.patientOf('t1')!;
    expect(index.ownNoUnitDecisionOfPatient(patient)?.previousTaskId).toBe('t1');
    expect(index.lastDecisionOfPatient(patient)).toEqual({ taskId: 't2', at: '2026-11-02T08:50:00.000Z' });
    index.apply(event('t2', 'UnitRequested', 51));
    expect(index.lastDecisionOfPatient(patient)).toEqual({ taskId: 't2', at: '2026-11-02T08:51:00.000Z' });
  });

  it('forgets a no-unit decision the field commander then put a unit on', () => {
    const index = new PatientIndex();
    for (const e of [intake('t1', '0401', 'X'), event('t1', 'PhoneAdviceGiven', 1), event('t1', 'UnitAttachedByField', 2, { unitId: 'OU-131' })]) index.apply(e);
    expect(index.lastNoUnitDecisionOf('X', undefined)).toBeUndefined();
  });

  it('names every patient alike from raw events keyed by pseudonym and from the analysts’ pseudonymised events', () => {
    const history = [intake('t1', '040 765 4321', '010142-123A'), intake('t2', '+358 40 111 2222'), event('t2', 'PhoneAdviceGiven', 5)];
    const live = new PatientIndex(pseudonymiser);
    const analysts = new PatientIndex();
    for (const e of history) {
      live.apply(e);
      analysts.apply({ ...e, ...pseudonymiser.event(e) });
    }
    expect(analysts.saveState()).toEqual(live.saveState());
    expect(JSON.stringify(live.saveState())).not.toMatch(/010142|765|111|pid:|tel:/);
  });

  it('survives its own state, and a state it cannot take leaves it empty', () => {
    const index = new PatientIndex();
    for (const e of [intake('t1', '0401'), event('t1', 'PhoneAdviceGiven', 1)]) index.apply(e);
    const restored = new PatientIndex();
    restored.loadState(JSON.parse(JSON.stringify(index.saveState())));
    expect(restored.lastNoUnitDecisionOf(undefined, '+358401')?.previousTaskId).toBe('t1');
    expect(() => restored.loadState({ patientOfTask: [['t9', 'p']], contacts: 7 })).toThrow();
    expect(restored.saveState()).toEqual({ patientOfTask: [], contacts: [] });
  });
});

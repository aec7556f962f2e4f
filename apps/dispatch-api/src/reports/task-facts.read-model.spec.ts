import { DEV_PSEUDONYM_KEY, FoldEvent, Pseudonymiser, TaskFactsFold } from '@dtask/read-models';
import { PatientIndexReadModel } from '../privacy/patient-index.read-model';
import { AllStreamFollower } from '../projections/projection-host';
import { TaskFactsReadModel } from './task-facts.read-model';

const HOUR = 3_600_000;
const start = Date.parse('2026-03-02T08:00:00Z');
let position = 0;

function event(taskId: string, type: string, atMs: number, data: Record<string, unknown> = {}): FoldEvent {
  position += 1;
  return { position: String(position), streamId: `dtask-${taskId}`, type, data: { taskId, ...data }, metadata: { occurredAt: new Date(atMs).toISOString(), actor: { id: 'nurse-1', role: 'nurse' } } };
}

/** Intakes and phone advice for patients known by identity code or only by phone, some calling again. */
function history(): FoldEvent[] {
  const contacts: [string, Record<string, unknown>, string, number][] = [
    ['t1', { personId: '010150-123A', ageYears: 80 }, '+358401110001', 0],
    ['t2', { ageYears: 70 }, '+358 40 111 0002', 1],
    ['t3', { personId: '010150-123A', ageYears: 80 }, '+358409999999', 5],
    ['t4', { ageYears: 70 }, '+358 40 111 0002', 30],
    ['t5', { personId: '020250-2345', ageYears: 60 }, '+358401110003', 40],
    ['t6', { personId: '010150-123A', ageYears: 80 }, '+358401110001', 100],
  ];
  return contacts.flatMap(([taskId, patient, callbackPhone, hours]) => [
    event(taskId, 'DTaskReceived', start + hours * HOUR, { receivedAt: new Date(start + hours * HOUR).toISOString(), taskCode: '745', area: 'Oulu', municipality: 'Oulu', patient, callbackPhone }),
    event(taskId, 'PhoneAdviceGiven', start + hours * HOUR + 600_000),
  ]);
}

describe('TaskFactsReadModel', () => {
  const pseudonymiser = new Pseudonymiser(DEV_PSEUDONYM_KEY);
  const follower = { register: () => undefined } as unknown as AllStreamFollower;
  /** The facts read the service's patient index, which the follower feeds first. */
  const modelOn = (patients = new PatientIndexReadModel(follower, pseudonymiser)) => {
    const model = new TaskFactsReadModel(follower, patients);
    const apply = (e: FoldEvent) => (patients.index.apply(e), model.apply(e));
    return { model, patients, apply };
  };
  const live = () => {
    const { model, patients, apply } = modelOn();
    for (const e of history()) apply(e);
    return { model, patients };
  };
  const counts = (facts: { taskId: string; secondContactWithin24h: boolean; secondContactWithin72h: boolean }[]) =>
    facts.map((f) => [f.taskId, f.secondContactWithin24h, f.secondContactWithin72h]).sort();

  it('keys patients by pseudonym only: its state and the index\'s hold no identity code or phone number', () => {
    const { model, patients } = live();
    const state = JSON.stringify([model.saveState(), patients.saveState()]);
    for (const secret of ['010150-123A', '020250-2345', '+358401110001', '401110002', '+358409999999']) expect(state).not.toContain(secret);
    expect(state).not.toMatch(/"(pid|tel):/);
  });

  it('counts second contacts and finds earlier contacts as the raw and the pseudonymised replays do', () => {
    const { model } = live();
    const raw = new TaskFactsFold();
    const pseudonymised = new TaskFactsFold();
    for (const e of history()) {
      raw.apply(e);
      pseudonymised.apply(pseudonymiser.event(e));
    }
    const all = (fold: { receivedBetween(a: number, b: number): { taskId: string; secondContactWithin24h: boolean; secondContactWithin72h: boolean }[] }) =>
      counts(fold.receivedBetween(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY));
    expect(all(model)).toEqual(all(raw));
    expect(all(pseudonymised)).toEqual(all(raw));
    expect(all(raw).filter(([, within24h]) => within24h).map(([taskId]) => taskId)).toEqual(['t3']);
    for (const taskId of ['t1', 't2', 't3', 't4', 't5', 't6']) {
      expect(model.otherTasksOfPatient(taskId).map((f) => f.taskId)).toEqual(raw.otherTasksOfPatient(taskId).map((f) => f.taskId));
    }
    expect(model.otherTasksOfPatient('t6').map((f) => f.taskId)).toEqual(['t3', 't1']);
  });

  it('survives its own snapshot, and empties on reset', () => {
    const saved = live();
    const model = saved.model;
    const { model: restored, patients, apply } = modelOn();
    patients.loadState(JSON.parse(JSON.stringify(saved.patients.saveState())));
    restored.loadState(JSON.parse(JSON.stringify(model.saveState())));
    expect(restored.otherTasksOfPatient('t6').map((f) => f.taskId)).toEqual(['t3', 't1']);
    apply(event('t7', 'DTaskReceived', start + 101 * HOUR, { receivedAt: new Date(start + 101 * HOUR).toISOString(), patient: { personId: '010150-123A' }, callbackPhone: '+358401110001' }));
    expect(restored.receivedBetween(start + 101 * HOUR, start + 102 * HOUR)[0]).toMatchObject({ taskId: 't7', secondContactWithin24h: true });
    restored.resetState();
    expect(restored.span()).toBeNull();
  });
});

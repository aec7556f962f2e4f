import { FoldEvent } from '../fold-event';
import { PatientIndex } from '../privacy/patient-index';
import { Pseudonymiser } from '../privacy/pseudonymiser';
import { newTaskFacts, TaskFactsFold } from './task-facts';

let position = 0;
const T0 = Date.parse('2026-11-02T08:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const nurse = { id: 'n1', role: 'nurse' };
const HOUR = 60;

function ev(task: string, type: string, minute: number, data: Record<string, unknown> = {}): FoldEvent {
  position += 1;
  return { position: String(position), streamId: `dtask-${task}`, type, data, metadata: { occurredAt: at(minute), actor: nurse } };
}
const received = (task: string, minute: number, patient: { personId?: string; callbackPhone?: string }) =>
  ev(task, 'DTaskReceived', minute, { taskId: task, receivedAt: at(minute), taskCode: '745', municipality: 'Oulu', area: 'Oulu', patient: { personId: patient.personId }, callbackPhone: patient.callbackPhone });

/** A's patient advised, then calling again within 24 h as B (by number, with spaces); C's unit, then D within 72 h; E alone. */
const history = (): FoldEvent[] => [
  received('A', 0, { callbackPhone: '+358401234567' }),
  ev('A', 'PhoneAdviceGiven', 10, { careLevel: 'self-care' }),
  ev('A', 'DTaskClosed', 11, { outcome: 'phone-advice' }),
  received('B', 10 * HOUR, { callbackPhone: '+358 40 123 4567' }),
  received('C', 20, { personId: '010190-123A' }),
  ev('C', 'UnitRequested', 30, { reason: 'nurse-decision', urgency: 'D' }),
  ev('C', 'MissionUpdated', 40, { stage: 'unit-assigned' }),
  ev('C', 'MissionUpdated', 90, { stage: 'completed', conveyed: false }),
  received('D', 50 * HOUR, { personId: '010190-123a' }),
  ev('D', 'ConsultRecorded', 50 * HOUR + 5, { consultId: 'consult-1', consultant: 'ems-physician' }),
  received('E', 60 * HOUR, { personId: '020290-456B' }),
];

/** The facts, folded with a shared index fed before the fold, after it, or with the fold's own index. */
function factsFolded(order: 'index-first' | 'fold-first' | 'own-index'): TaskFactsFold {
  const shared = new PatientIndex(new Pseudonymiser('a-test-only-pseudonym-key-0123456789abcdef'));
  const fold = new TaskFactsFold(order === 'own-index' ? undefined : shared);
  for (const event of history()) {
    if (order === 'index-first') shared.apply(event);
    fold.apply(event);
    if (order === 'fold-first') shared.apply(event);
  }
  return fold;
}

describe('task facts and the patient index they share', () => {
  it('finds the same second contacts and re-contacts whether the shared index takes each event before or after the fold, or the fold feeds its own', () => {
    const flags = (fold: TaskFactsFold) =>
      [...fold.tasks.values()].map(({ taskId, secondContactWithin24h, secondContactWithin72h, recontactWithin24h, recontactWithin72h }) => ({
        taskId, secondContactWithin24h, secondContactWithin72h, recontactWithin24h, recontactWithin72h,
      }));
    const indexFirst = flags(factsFolded('index-first'));
    expect(indexFirst).toEqual([
      { taskId: 'A', secondContactWithin24h: false, secondContactWithin72h: false, recontactWithin24h: false, recontactWithin72h: false },
      { taskId: 'B', secondContactWithin24h: true, secondContactWithin72h: true, recontactWithin24h: true, recontactWithin72h: true },
      { taskId: 'C', secondContactWithin24h: false, secondContactWithin72h: false, recontactWithin24h: false, recontactWithin72h: false },
      { taskId: 'D', secondContactWithin24h: false, secondContactWithin72h: false, recontactWithin24h: false, recontactWithin72h: true },
      { taskId: 'E', secondContactWithin24h: false, secondContactWithin72h: false, recontactWithin24h: false, recontactWithin72h: false },
    ]);
    expect(flags(factsFolded('fold-first'))).toEqual(indexFirst);
    expect(flags(factsFolded('own-index'))).toEqual(indexFirst);
  });

  it('gives every task all its fields from the intake on, in one order, so later events add none', () => {
    const shape = Object.keys(newTaskFacts('X', T0, { area: 'a', municipality: 'm', taskCode: '745' }));
    for (const facts of factsFolded('own-index').tasks.values()) expect(Object.keys(facts)).toEqual(shape);
  });
});

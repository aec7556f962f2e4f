import { FoldEvent } from '../fold-event';
import { measure, measureGroups } from './load-reduction';
import { TaskFactsFold } from './task-facts';

let position = 0;
const at = (minutes: number) => new Date(Date.parse('2026-11-02T08:00:00Z') + minutes * 60_000).toISOString();
const nurse = (id: string) => ({ id, role: 'nurse' });
const system = { id: 'policy', role: 'system' };

function ev(task: string, type: string, minute: number, data: Record<string, unknown> = {}, actor = nurse('n1')): FoldEvent {
  position += 1;
  return { position: String(position), streamId: `dtask-${task}`, type, data, metadata: { occurredAt: at(minute), actor } };
}
const received = (task: string, minute: number, extra: Record<string, unknown> = {}) =>
  ev(task, 'DTaskReceived', minute, {
    taskId: task, receivedAt: at(minute), taskCode: '745', municipality: 'Oulu', area: 'Oulu-Hailuoto',
    patient: { personId: `pid-${task}` }, callbackPhone: `+35840000${task.length}`, ...extra,
  }, { id: 'erc', role: 'erc' });

/** Six tasks whose measures are known by hand. */
function history(): FoldEvent[] {
  return [
    // A: advice after contact at 10 min, closed: resolved without unit.
    received('A', 0, { patient: { personId: 'same-person' } }),
    ev('A', 'DTaskClaimed', 2, { nurseId: 'n1' }),
    ev('A', 'CallbackAttempted', 10, { outcome: 'reached', attempt: 1 }),
    ev('A', 'PhoneAdviceGiven', 15, { advice: 'x', safetyNet: 'y', patientInformed: true }),
    ev('A', 'DTaskClosed', 15, { outcome: 'phone-advice' }),
    // B: cancelled by the ERC: excluded.
    received('B', 5),
    ev('B', 'DTaskCancelled', 6, { reason: 'x' }, { id: 'erc', role: 'erc' }),
    ev('B', 'DTaskClosed', 6, { outcome: 'cancelled' }, { id: 'erc', role: 'erc' }),
    // C: redirect declined, decided again as a redirect elsewhere, accepted and visited: one redirect, resolved.
    received('C', 10, { municipality: 'Kempele', area: 'Oulun eteläinen', taskCode: '703' }),
    ev('C', 'DTaskClaimed', 11, { nurseId: 'n2' }, nurse('n2')),
    ev('C', 'CallbackAttempted', 30, { outcome: 'reached', attempt: 1 }, nurse('n2')),
    ev('C', 'RedirectRequested', 35, { target: 'hc', targetKind: 'home-care', patientInformed: true }, nurse('n2')),
    ev('C', 'HandoffDeclined', 40, { target: 'hc', reason: 'full' }, { id: 'p1', role: 'partner' }),
    ev('C', 'DTaskClaimed', 41, { nurseId: 'n2' }, nurse('n2')),
    ev('C', 'RedirectRequested', 45, { target: 'pc', targetKind: 'primary-care', patientInformed: true }, nurse('n2')),
    ev('C', 'HandoffAccepted', 50, { target: 'pc', visitBy: at(50 + 24 * 60) }, { id: 'p2', role: 'partner' }),
    ev('C', 'HandoffCompleted', 180, { target: 'pc', visitedAt: at(170) }, { id: 'p2', role: 'partner' }),
    ev('C', 'DTaskClosed', 180, { outcome: 'redirect' }, { id: 'p2', role: 'partner' }),
    // D: two failed callbacks, automatic unit (S1): not resolved.
    received('D', 20),
    ev('D', 'CallbackAttempted', 25, { outcome: 'no-answer', attempt: 1 }),
    ev('D', 'CallbackAttempted', 27, { outcome: 'busy', attempt: 2 }),
    ev('D', 'UnitRequested', 27, { unitLevel: 'basic', urgency: 'D', reason: 'unreachable' }, system),
    // E: red flag, escalated with a unit.
    received('E', 30),
    ev('E', 'CallbackAttempted', 50, { outcome: 'reached', attempt: 1 }),
    ev('E', 'UrgencyEscalated', 52, { from: 'D', to: 'B', reason: 'chest pain', trigger: 'red-flag' }),
    ev('E', 'UnitRequested', 52, { unitLevel: 'advanced', urgency: 'B', reason: 'escalation' }),
    // F: the same person as A, 20 h after A's advice: a second contact; still waiting.
    received('F', 20 * 60 + 15, { patient: { personId: 'same-person' } }),
  ];
}

const options = { assumedMissionMinutes: 60, windowDays: 365 };

describe('load-reduction measures', () => {
  const fold = new TaskFactsFold();
  for (const event of history()) fold.apply(event);
  const tasks = [...fold.tasks.values()];

  it('counts exactly as domain.md defines', () => {
    const m = measure(tasks, options);
    expect(m.tasks).toBe(6);
    expect(m.cancelled).toBe(1);
    expect(m.resolvedWithoutUnit).toBe(2); // A and C
    expect(m.resolvedWithoutUnitShare).toBe(0.4); // 2 of 5 not cancelled
    expect(m.unitRequested).toBe(2); // D and E
    expect(m.phoneAdvice).toBe(1);
    expect(m.redirect).toEqual({ 'primary-care': 1 }); // C counts once, as decided last
    expect(m.escalated).toBe(1);
    expect(m.autoDispatch).toEqual({ unreachable: 1, waitingLimit: 0 });
    expect(m.unitHoursAvoided).toBe(2);
    expect(m.yearlyRate).toBe(2);
    expect(m.declinedHandoffs).toBe(1);
    expect(m.secondContacts.within24h).toBe(1);
    expect(m.secondContacts.within72h).toBe(1);
    // Contact after 10 (A), 20 (C) and 20 (E) minutes: median 20 min, p90 20 min.
    expect(m.timeToContact).toEqual({ medianSeconds: 1200, p90Seconds: 1200 });
  });

  it('breaks down by area and nurse', () => {
    const byArea = measureGroups(tasks, 'area', options);
    expect(byArea.map((g) => [g.key, g.tasks, g.resolvedWithoutUnit])).toEqual([
      ['Oulu-Hailuoto', 5, 1],
      ['Oulun eteläinen', 1, 1],
    ]);
    const byNurse = measureGroups(tasks, 'nurse', options);
    expect(byNurse.find((g) => g.key === 'n2')?.redirect).toEqual({ 'primary-care': 1 });
  });

  it('folds pseudonymised events to the same numbers', () => {
    const pseudonymised = history().map((event) => {
      if (event.type !== 'DTaskReceived') return event;
      const { patient, callbackPhone: _, ...rest } = event.data as { patient: { personId: string } } & Record<string, unknown>;
      return { ...event, data: { ...rest, patient: { ref: `p-${patient.personId}` } } };
    });
    const other = new TaskFactsFold();
    for (const event of pseudonymised) other.apply(event);
    expect(measure([...other.tasks.values()], options)).toEqual(measure(tasks, options));
  });
});

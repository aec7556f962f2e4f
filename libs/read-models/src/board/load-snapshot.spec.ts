import { createDTaskDecider, DEFAULT_SAFETY_RULES, REGION_AREAS } from '@dtask/domain';
import { FoldEvent } from '../fold-event';
import { taskFacts } from '../testing/task-facts.testing';
import { LiveHistory } from '../testing/live-history';
import { loadSnapshot } from './load-snapshot';
import { loadAt } from './time-travel';

const T0 = Date.parse('2026-11-22T10:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const nurse = (id: string) => ({ id, role: 'nurse' as const });
const supervisor = { id: 'super-1', role: 'supervisor' as const };
const task = (name: string) => `00000000-0000-4000-8000-${name.padStart(12, '0')}`;
const intake = (id: string, minute: number, where: { municipality: string; area: string }, personId: string) => ({
  type: 'Intake' as const,
  actor: { id: 'erc', role: 'erc' as const },
  task: {
    taskId: id, ercTaskId: `ERC-${id.slice(-4)}`, receivedAt: at(minute), taskCode: '745', urgency: 'D' as const,
    ...where, address: 'Isokatu 1', patient: { ageYears: 81, personId }, callbackPhone: '+358401234567',
  },
});
const OULU = { municipality: 'Oulu', area: 'Oulu-Hailuoto' };
const RAAHE = { municipality: 'Raahe', area: 'Raahe' };
const KUUSAMO = { municipality: 'Kuusamo', area: 'Koillismaa' };
const assessment = { redFlags: [], concern: false, symptoms: 'dizzy', existingServices: [], notes: '' };
const advice = { kind: 'phone-advice' as const, advice: 'rest', safetyNet: 'call 112 if worse', patientInformed: true };
const options = { decider: createDTaskDecider(DEFAULT_SAFETY_RULES), patientKey: (personId: string | undefined, phone: string) => personId ?? phone, assumedMissionMinutes: 75 };
const [FIRST, SECOND, WAITS, RAAHE_1, RAAHE_2, UNREACHABLE] = ['f', 's', 'w', 'r1', 'r2', 'u'].map(task) as [string, string, string, string, string, string];

/**
 * FIRST is advised at 5; SECOND, the same patient at 10, is a second contact claimed by n1 at 12.
 * WAITS (Oulu, 0) gets its S2 alert at 20 and is claimed by n2 at 22 without contact. Raahe has two
 * tasks waiting from 3 and 15. UNREACHABLE (Kuusamo) gets a unit after two failed calls.
 */
function history(): LiveHistory {
  const h = new LiveHistory();
  h.run(WAITS, at(0), intake(WAITS, 0, OULU, '010101-111A'));
  h.run(FIRST, at(1), intake(FIRST, 1, OULU, '121249-987X'));
  h.run(FIRST, at(2), { type: 'Claim', actor: nurse('n1') });
  h.run(FIRST, at(3), { type: 'RecordCallback', actor: nurse('n1'), outcome: 'reached' });
  h.run(RAAHE_1, at(3), intake(RAAHE_1, 3, RAAHE, '020202-222B'));
  h.run(FIRST, at(4), { type: 'RecordAssessment', actor: nurse('n1'), assessment });
  h.run(FIRST, at(5), { type: 'Decide', actor: nurse('n1'), decision: advice });
  h.run(SECOND, at(10), intake(SECOND, 10, OULU, '121249-987X'));
  h.run(SECOND, at(12), { type: 'Claim', actor: nurse('n1') });
  h.run(RAAHE_2, at(15), intake(RAAHE_2, 15, RAAHE, '030303-333C'));
  h.run(UNREACHABLE, at(16), intake(UNREACHABLE, 16, KUUSAMO, '040404-444D'));
  h.run(UNREACHABLE, at(17), { type: 'Claim', actor: nurse('n3') });
  h.run(UNREACHABLE, at(18), { type: 'RecordCallback', actor: nurse('n3'), outcome: 'no-answer' });
  h.run(UNREACHABLE, at(19), { type: 'RecordCallback', actor: nurse('n3'), outcome: 'busy' });
  h.tick(at(19));
  h.tick(at(21));
  h.run(WAITS, at(22), { type: 'Claim', actor: nurse('n2') });
  return h;
}

async function* batches(events: FoldEvent[]) {
  yield events;
}

describe('load snapshot: what the supervisor wall shows', () => {
  const events = history().events;
  const loadAtMinute = async (minute: number) => (await loadAt(batches(events), T0 + minute * 60_000, options)).load;

  it('lists a second contact a nurse has claimed, with who holds it and since when', async () => {
    const load = await loadAtMinute(25);
    expect(load.alerts.secondContacts).toEqual([SECOND]);
    expect(load.alertTasks.filter((alert) => alert.kind === 'second-contact')).toEqual([
      {
        taskId: SECOND, kind: 'second-contact', area: 'Oulu-Hailuoto', municipality: 'Oulu', taskCode: '745', urgency: 'D', ageYears: 81,
        receivedAt: at(10), waitingSeconds: 15 * 60, status: 'claimed', owner: 'n1', claimedAt: at(12), overridden: false,
      },
    ]);
  });

  it('keeps an S2 alert on a claimed task until contact, and lists an unreachable patient (S1)', async () => {
    const load = await loadAtMinute(25);
    expect(load.alerts.s2WaitingLimit).toEqual([WAITS]);
    expect(load.alertTasks.find((alert) => alert.kind === 's2-alert')).toMatchObject({ taskId: WAITS, status: 'claimed', owner: 'n2' });
    expect(load.alerts.s1Unreachable).toEqual([UNREACHABLE]);
    expect(load.alertTasks.find((alert) => alert.kind === 'unreachable')).toMatchObject({ taskId: UNREACHABLE, status: 'decided', area: 'Koillismaa' });
    expect(load.alerts.s6HandoffReturned).toEqual([]);
  });

  it('marks a second contact once a supervisor has overridden S4, and drops it once decided', async () => {
    const h = history();
    h.run(SECOND, at(26), { type: 'GrantOverride', actor: supervisor, rule: 'S4-second-contact', reason: 'stable, daughter present' });
    const overridden = (await loadAt(batches(h.events), T0 + 27 * 60_000, options)).load;
    expect(overridden.alertTasks.find((alert) => alert.taskId === SECOND)).toMatchObject({ kind: 'second-contact', overridden: true });
    h.run(SECOND, at(28), { type: 'RecordCallback', actor: nurse('n1'), outcome: 'reached' });
    h.run(SECOND, at(29), { type: 'RecordAssessment', actor: nurse('n1'), assessment });
    h.run(SECOND, at(30), { type: 'Decide', actor: nurse('n1'), decision: advice });
    const decided = (await loadAt(batches(h.events), T0 + 31 * 60_000, options)).load;
    expect(decided.alerts.secondContacts).toEqual([]);
    expect(decided.alertTasks.map((alert) => alert.taskId)).not.toContain(SECOND);
  });

  it('shows claimed tasks with their owner and held time, longest held first', async () => {
    const load = await loadAtMinute(25);
    expect(load.claimedTasks.map((claimed) => [claimed.taskId, claimed.owner, claimed.claimedAt, claimed.heldSeconds])).toEqual([
      [SECOND, 'n1', at(12), 13 * 60],
      [WAITS, 'n2', at(22), 3 * 60],
    ]);
    expect(load.claimedTasks[0]).not.toHaveProperty('address');
    // Per nurse, the v1 shape: tasks in hand and today's decisions.
    expect(load.nurses.filter((n) => n.claimedNow > 0)).toEqual([
      { nurseId: 'n1', claimedNow: 1, decisionsToday: 1 },
      { nurseId: 'n2', claimedNow: 1, decisionsToday: 0 },
    ]);
  });

  it('gives every area of the region its queue length and oldest wait, quiet ones too', async () => {
    const load = await loadAtMinute(25);
    expect(load.areas.map((a) => a.area)).toEqual(Object.keys(REGION_AREAS));
    expect(load.areas.find((a) => a.area === 'Raahe')).toEqual({ area: 'Raahe', queueLength: 2, oldestWaitSeconds: 22 * 60, oldestReceivedAt: at(3), claimed: 0 });
    expect(load.areas.find((a) => a.area === 'Oulu-Hailuoto')).toEqual({ area: 'Oulu-Hailuoto', queueLength: 0, oldestWaitSeconds: 0, claimed: 2 });
    expect(load.areas.find((a) => a.area === 'Selänne')).toEqual({ area: 'Selänne', queueLength: 0, oldestWaitSeconds: 0, claimed: 0 });
    expect(load).toMatchObject({ queueLength: 2, oldestWaitSeconds: 22 * 60, oldestReceivedAt: at(3) });
  });

  it('carries no personal data of the patient', async () => {
    const text = JSON.stringify(await loadAtMinute(25));
    for (const personal of ['121249-987X', '010101-111A', 'Isokatu', '+358401234567']) expect(text).not.toContain(personal);
  });
});

describe("load snapshot: the wall's year to date", () => {
  /** A task's facts, received at `receivedAt` and closed without a unit. */
  const received = (taskId: string, receivedAt: string) => taskFacts(taskId, receivedAt, { decision: 'phone-advice', closedOutcome: 'phone-advice' });
  const tasks = [
    received('june', '2026-06-01T09:00:00Z'),
    received('new-years-eve', '2026-12-31T21:30:00Z'), // 23.30 on 31 December in Helsinki
    received('new-year', '2026-12-31T22:30:00Z'), // 00.30 on 1 January 2027 in Helsinki
  ];
  const yearToDateAt = (now: string) =>
    loadSnapshot({
      now: new Date(now),
      queue: [],
      open: [],
      receivedBetween: (fromMs, toMs) => tasks.filter((task) => task.receivedAtMs >= fromMs && task.receivedAtMs < toMs),
      assumedMissionMinutes: 75,
    }).loadReduction.yearToDate;

  it('begins the year at midnight in Helsinki: at 23.30 UTC on 31 December it is already the new year there', () => {
    expect(yearToDateAt('2026-12-31T23:30:00Z')).toMatchObject({ tasks: 1, resolvedWithoutUnit: 1 });
  });

  it('counts the whole year until midnight in Helsinki', () => {
    expect(yearToDateAt('2026-12-31T21:45:00Z')).toMatchObject({ tasks: 2, resolvedWithoutUnit: 2 });
  });
});

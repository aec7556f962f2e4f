import { createDTaskDecider, DEFAULT_SAFETY_RULES } from '@dtask/domain';
import { FoldEvent } from '../fold-event';
import { LiveHistory } from '../testing/live-history';
import { loadAt } from './time-travel';

const T0 = Date.parse('2026-11-22T10:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const n1 = { id: 'n1', role: 'nurse' as const };
const erc = { id: 'erc', role: 'erc' as const };
const task = (name: string) => `00000000-0000-4000-8000-${name.padStart(12, '0')}`;
const [OVERDUE, FAILING, CALLED, FIELD] = ['o', 'f', 'c', 'fc'].map(task) as [string, string, string, string];
const intake = (id: string, minute: number) => ({
  type: 'Intake' as const,
  actor: erc,
  task: {
    taskId: id, ercTaskId: `ERC-${id.slice(-4)}`, receivedAt: at(minute), taskCode: '745', urgency: 'D' as const, municipality: 'Oulu',
    area: 'Oulu-Hailuoto', address: 'Isokatu 1', patient: { ageYears: 81, personId: `0101${id.slice(-2)}-111A` }, callbackPhone: '+358401234567',
  },
});
const assessment = { redFlags: [], concern: false, symptoms: 'dizzy', existingServices: [], notes: '' };

/** A D unit sent by n1 at `minute` after contact: S8's first recall falls due 30 min on. */
function unitSent(h: LiveHistory, id: string, minute: number): void {
  h.run(id, at(minute), intake(id, minute));
  h.run(id, at(minute + 1), { type: 'Claim', actor: n1 });
  h.run(id, at(minute + 2), { type: 'RecordCallback', actor: n1, outcome: 'reached' });
  h.run(id, at(minute + 3), { type: 'RecordAssessment', actor: n1, assessment });
  h.run(id, at(minute + 4), { type: 'Decide', actor: n1, decision: { kind: 'send-unit', unitLevel: 'basic', urgency: 'D' } });
}

/**
 * OVERDUE's D unit (sent at 4) is not on scene at 124 (S8). FAILING's recall (due 85) fails twice:
 * raised to C. CALLED's patient called 112 again. FIELD got the field commander's unit.
 */
function history(): FoldEvent[] {
  const h = new LiveHistory();
  unitSent(h, OVERDUE, 0);
  unitSent(h, FAILING, 51);
  h.run(FAILING, at(86), { type: 'Claim', actor: n1 });
  h.run(FAILING, at(86), { type: 'RecordRecall', actor: n1, recallId: 'waiting-for-unit-1', outcome: 'no-answer' });
  h.run(FAILING, at(90), { type: 'RecordRecall', actor: n1, recallId: 'waiting-for-unit-1', outcome: 'busy' });
  h.run(CALLED, at(100), intake(CALLED, 100));
  h.run(CALLED, at(101), { type: 'ReceiveErcUpdate', actor: erc, update: { kind: 'repeat-call', notes: 'called again, more dizzy' } });
  h.run(FIELD, at(102), intake(FIELD, 102));
  h.run(FIELD, at(103), { type: 'UpdateMission', actor: erc, stage: 'unit-assigned', unitId: 'OU-131', requestedBy: 'field-commander' });
  h.tick(at(125));
  return h.events;
}

async function* batches(events: FoldEvent[]) {
  yield events;
}

describe('load snapshot: S8 alerts and repeat calls on the wall', () => {
  const options = { decider: createDTaskDecider(DEFAULT_SAFETY_RULES), assumedMissionMinutes: 75 };
  const loadAtMinute = async (minute: number) => loadAt(batches(history()), T0 + minute * 60_000, options);

  it('lists a failed recall, an overdue D unit and a repeat call, each as its own alert', async () => {
    const { load } = await loadAtMinute(126);
    expect(load.alerts).toMatchObject({ s8RecallsFailed: [FAILING], s8UnitOverdue: [OVERDUE], repeatCalls: [CALLED] });
    const kinds = (taskId: string) => load.alertTasks.filter((alert) => alert.taskId === taskId).map((alert) => [alert.kind, alert.status]);
    expect(kinds(FAILING)).toEqual([['recalls-failed', 'claimed']]);
    expect(kinds(OVERDUE)).toEqual([['unit-overdue', 'decided']]);
    expect(kinds(CALLED)).toContainEqual(['repeat-call', 'waiting']); // and S2's, 26 min without contact
  });

  it('has no S8 alert before its limit, and counts the field commander’s unit in today’s mix', async () => {
    const { load } = await loadAtMinute(110);
    expect(load.alerts).toMatchObject({ s8UnitOverdue: [], s8RecallsFailed: [FAILING] });
    expect(load.decisionMixToday).toMatchObject({ unitRequested: 3, fieldCommanderUnits: 1 });
  });

  it('brings the overdue task back to the queue for its recall, the repeat call first', async () => {
    const { queue } = await loadAtMinute(126);
    expect(queue.tasks.map((item) => [item.taskId, item.recall?.recallId ?? null])).toEqual([
      [CALLED, null],
      [OVERDUE, 'waiting-for-unit-1'],
    ]);
  });
});

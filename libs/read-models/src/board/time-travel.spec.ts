import { createDTaskDecider, DEFAULT_SAFETY_RULES } from '@dtask/domain';
import { FoldEvent } from '../fold-event';
import { LiveHistory } from '../testing/live-history';
import { loadAt, loadThroughDay } from './time-travel';

const T0 = Date.parse('2026-11-22T10:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const nurse = (id: string) => ({ id, role: 'nurse' as const });
const task = (name: string) => `00000000-0000-4000-8000-${name.padStart(12, '0')}`;
const intake = (id: string, minute: number) => ({
  type: 'Intake' as const,
  actor: { id: 'erc', role: 'erc' as const },
  task: {
    taskId: id, ercTaskId: `ERC-${id.slice(-4)}`, receivedAt: at(minute), taskCode: '745', urgency: 'D' as const,
    municipality: 'Oulu', area: 'Oulu-Hailuoto', address: 'Isokatu 1', patient: { ageYears: 70, personId: `0101${id.slice(-2)}-123A` }, callbackPhone: '+358401234567',
  },
});
const options = { decider: createDTaskDecider(DEFAULT_SAFETY_RULES), patientKey: (personId: string | undefined, phone: string) => personId ?? phone, assumedMissionMinutes: 75 };

/** Two batches, split mid-history, as a store would read them. */
async function* from(events: FoldEvent[]) {
  yield events.slice(0, 5);
  yield events.slice(5);
}

/** A at 0 claimed at 2 and advised at 8; B at 5 claimed at 12 by another nurse; C at 10, waiting. */
function history(): LiveHistory {
  const h = new LiveHistory();
  const [A, B, C] = ['a', 'b', 'c'].map(task) as [string, string, string];
  h.run(A, at(0), intake(A, 0));
  h.run(A, at(2), { type: 'Claim', actor: nurse('n1') });
  h.run(B, at(5), intake(B, 5));
  h.run(A, at(6), { type: 'RecordCallback', actor: nurse('n1'), outcome: 'reached' });
  h.run(A, at(7), { type: 'RecordAssessment', actor: nurse('n1'), assessment: { redFlags: [], concern: false, symptoms: 'dizzy', existingServices: [], notes: '' } });
  h.run(A, at(8), { type: 'Decide', actor: nurse('n1'), decision: { kind: 'phone-advice', advice: 'rest', safetyNet: 'call 112', patientInformed: true } });
  h.run(C, at(10), intake(C, 10));
  h.run(B, at(12), { type: 'Claim', actor: nurse('n2') });
  return h;
}

describe('time travel', () => {
  const events = history().events;

  it('shows the queue and load as they stood at chosen instants', async () => {
    const at3 = await loadAt(from(events), T0 + 3 * 60_000, options);
    expect(at3.queue.tasks.map((item) => item.taskId)).toEqual([]); // A claimed, B not yet received
    expect(at3.load).toMatchObject({ queueLength: 0, claimed: 1, nursesActive: 1 });

    const at11 = await loadAt(from(events), T0 + 11 * 60_000, options);
    // B waiting 6 min, C 1 min; A advised and closed at 8.
    expect(at11.queue.tasks.map((item) => [item.taskId, item.waitingSeconds])).toEqual([[task('b'), 360], [task('c'), 60]]);
    expect(at11.load).toMatchObject({ queueLength: 2, oldestWaitSeconds: 360, claimed: 0, nursesActive: 0 });
    expect(at11.load.loadReduction.today.resolvedWithoutUnit).toBe(1);

    const at20 = await loadAt(from(events), T0 + 20 * 60_000, options);
    expect(at20.queue.tasks.map((item) => item.taskId)).toEqual([task('c')]);
    expect(at20.load).toMatchObject({ queueLength: 1, oldestWaitSeconds: 600, claimed: 1, nursesActive: 1 });
  });

  it('steps through a day in one pass, each step equal to the state at that instant', async () => {
    const steps = await loadThroughDay(from(events), { fromMs: T0, toMs: T0 + 20 * 60_000, stepMs: 5 * 60_000 }, options);
    expect(steps.map((step) => step.at)).toEqual([at(0), at(5), at(10), at(15), at(20)]);
    for (const step of steps) {
      const exact = await loadAt(from(events), Date.parse(step.at), options);
      expect([step.queueLength, step.oldestWaitSeconds, step.claimed, step.nursesActive]).toEqual([
        exact.load.queueLength, exact.load.oldestWaitSeconds, exact.load.claimed, exact.load.nursesActive,
      ]);
    }
    expect(steps.map((step) => step.decisions)).toEqual([0, 0, 1, 0, 0]);
  });
});

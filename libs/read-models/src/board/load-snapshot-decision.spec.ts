import { createDTaskDecider, DEFAULT_SAFETY_RULES } from '@dtask/domain';
import { LiveHistory } from '../testing/live-history';
import { loadAt } from './time-travel';

const T0 = Date.parse('2026-11-22T10:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const n1 = { id: 'n1', role: 'nurse' as const };
const erc = { id: 'erc', role: 'erc' as const };
const [ADVISED, SENT] = ['a', 's'].map((name) => `00000000-0000-4000-8000-${name.padStart(12, '0')}`) as [string, string];
const intake = (id: string) => ({
  type: 'Intake' as const,
  actor: erc,
  task: {
    taskId: id, ercTaskId: `ERC-${id.slice(-4)}`, receivedAt: at(0), taskCode: '745', urgency: 'D' as const, municipality: 'Oulu',
    area: 'Oulu-Hailuoto', address: 'Isokatu 1', patient: { ageYears: 72, personId: `0101${id.slice(-2)}-111A` }, callbackPhone: '+358401234567',
  },
});
const assessment = { redFlags: [], concern: false, symptoms: 'fell at home', existingServices: [], notes: '', identity: 'verified' as const };

/** QA pass 6: a task given advice with a follow-up is `decided` too; its repeat-call tile said "unit sent". */
describe('load snapshot: the decision behind an alert on a decided task', () => {
  it('tells advice from a unit, with the next call back due', async () => {
    const h = new LiveHistory();
    for (const [id, decision] of [
      [ADVISED, { kind: 'phone-advice' as const, advice: 'rest', safetyNet: 'call 112 if worse', patientInformed: true as const, careLevel: 'self-care' as const, followUpAt: at(60) }],
      [SENT, { kind: 'send-unit' as const, unitLevel: 'basic' as const, urgency: 'D' as const }],
    ] as const) {
      h.run(id, at(1), intake(id));
      h.run(id, at(2), { type: 'Claim', actor: n1 });
      h.run(id, at(3), { type: 'RecordCallback', actor: n1, outcome: 'reached' });
      h.run(id, at(4), { type: 'RecordAssessment', actor: n1, assessment });
      h.run(id, at(5), { type: 'Decide', actor: n1, decision });
      h.run(id, at(10), { type: 'ReceiveErcUpdate', actor: erc, update: { kind: 'repeat-call', notes: 'called again' } });
    }
    async function* batches() {
      yield h.events;
    }
    const { load } = await loadAt(batches(), T0 + 12 * 60_000, { decider: createDTaskDecider(DEFAULT_SAFETY_RULES), assumedMissionMinutes: 75 });
    const tile = (taskId: string) => load.alertTasks.find((alert) => alert.taskId === taskId && alert.kind === 'repeat-call');
    expect(tile(ADVISED)).toMatchObject({ status: 'decided', decision: 'phone-advice', nextRecallAt: at(60) });
    expect(tile(SENT)).toMatchObject({ status: 'decided', decision: 'send-unit' });
    // A repeat call while the patient waits for the unit brings a welfare call due at once (S8), before the one at 35.
    expect(tile(SENT)!.nextRecallAt).toBe(at(10));
  });
});

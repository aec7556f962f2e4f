import { EVENT_TYPES } from '@dtask/events';
import { evolve, initialState, TimedEvent } from '@dtask/domain';
import { translate } from '../apps/console/src/i18n';
import { HistoryEvent } from '../apps/console/src/api';
import { contactMadeOld, isReturn } from '../apps/console/src/task-panel/task-rules';

/** The panel's rules that need no browser: which events give a patient back, and the words of self-care. */
describe("the nurse's panel: its rules as the domain's", () => {
  it('takes as a return every event after which the decider asks the patient reached and assessed again (S6 too)', () => {
    // A task with a service's visit awaited, in contact: an event that sets recontactNeeded gave the patient back.
    const awaiting = { ...initialState, exists: true, status: 'awaiting-visit', contactAt: '2026-12-01T10:00:00Z', recontactNeeded: false } as never;
    const givesBack = (type: string) => {
      try {
        const event = { type, data: { target: 'oulu-home-care', reason: 'x' }, at: '2026-12-01T11:00:00Z' } as unknown as TimedEvent;
        return evolve(awaiting, event).recontactNeeded === true;
      } catch {
        return false;
      }
    };
    const types = Object.keys(EVENT_TYPES);
    expect(types.filter(isReturn).sort()).toEqual(types.filter(givesBack).sort());
    expect(isReturn('HandoffTimedOut')).toBe(true);
  });

  it('names self-care with one word in the option and the note under it', () => {
    for (const language of ['fi', 'sv'] as const) {
      const option = translate(language, 'careLevel.self-care');
      expect(translate(language, 'selfCareNoTimeframe').startsWith(`${option}:`)).toBe(true);
    }
  });

  it('takes a repeat call to 112 as making the contact old exactly when the decider does: after the patient was reached, before a decision', () => {
    const at = (minute: number) => `2026-12-01T10:${String(minute).padStart(2, '0')}:00.000Z`;
    const received = { type: 'DTaskReceived', data: { taskId: 't1', ercTaskId: 'e1', receivedAt: at(0), taskCode: '745', urgency: 'D', area: 'a', municipality: 'Oulu', callbackPhone: '+358401234567', address: 'Isokatu 1', patient: { ageYears: 80 } }, at: at(0) };
    const claimed = { type: 'DTaskClaimed', data: { nurseId: 'n1' }, at: at(1) };
    const reached = { type: 'CallbackAttempted', data: { outcome: 'reached', attempt: 1 }, at: at(2) };
    const unanswered = { type: 'CallbackAttempted', data: { outcome: 'no-answer', attempt: 1 }, at: at(2) };
    const unit = { type: 'UnitRequested', data: { reason: 'nurse-decision', unitLevel: 'basic', urgency: 'D' }, at: at(3) };
    const repeatCall = { type: 'ErcUpdateReceived', data: { kind: 'repeat-call' }, at: at(4) };
    const histories = { 'after the patient was reached': [received, claimed, reached, repeatCall], 'before the patient was reached': [received, claimed, unanswered, repeatCall], 'after a unit was sent': [received, claimed, reached, unit, repeatCall] };
    for (const [name, events] of Object.entries(histories)) {
      const state = (events as unknown as TimedEvent[]).reduce((folded, event) => evolve(folded, event), initialState as ReturnType<typeof evolve>);
      const panel = contactMadeOld(events.map((event) => ({ ...event, type: event.type }) as unknown as HistoryEvent));
      expect([name, panel.by === 'repeat-call']).toEqual([name, state.recontactNeeded]);
      expect([name, state.recontactNeeded]).toEqual([name, name === 'after the patient was reached']);
    }
  });
});

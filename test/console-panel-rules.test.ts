import { EVENT_TYPES } from '@dtask/events';
import { evolve, initialState, TimedEvent } from '@dtask/domain';
import { translate } from '../apps/console/src/i18n';
import { isReturn } from '../apps/console/src/task-panel/task-rules';

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
});

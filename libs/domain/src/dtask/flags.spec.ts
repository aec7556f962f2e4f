import { at, e } from '../testing/fixtures';
import { DEFAULT_SAFETY_RULES } from '../safety-rules';
import { createDTaskDecider } from './decider';
import { flagsOf } from './flags';
import { TimedEvent } from './state';

const decider = createDTaskDecider(DEFAULT_SAFETY_RULES);
const stateOf = (events: TimedEvent[]) => events.reduce(decider.evolve, decider.initialState);
/** S1 sent a unit at the second unanswered call (minute 5), with S8's first welfare recall due at 35. */
const unreachable = () => [e.received(), e.claimed(), e.callback('no-answer', 1, 2), e.callback('no-answer', 2, 5), e.unit('unreachable', 5), e.recall(35, 5)];

// QA saw "Ei tavoitettu" (not reached) stay on a patient whom S8's welfare call had reached.
describe('the flag of a patient S1 sent a unit to', () => {
  it('stands while the patient is not reached and the unit not on scene', () => {
    expect(flagsOf(stateOf(unreachable()))).toContain('unreachable');
  });
  it('goes once the welfare recall reaches the patient', () => {
    expect(flagsOf(stateOf([...unreachable(), e.recallDone('reached', 1, 36)]))).not.toContain('unreachable');
  });
  it('stays after an unanswered welfare recall', () => {
    expect(flagsOf(stateOf([...unreachable(), e.recallDone('no-answer', 1, 36)]))).toContain('unreachable');
  });
  it('goes once the unit is on scene', () => {
    expect(flagsOf(stateOf([...unreachable(), e.mission('on-scene', 30)]))).not.toContain('unreachable');
  });
  it('goes once a callback reaches the patient after all', () => {
    const reached: TimedEvent = { type: 'CallbackAttempted', data: { outcome: 'reached', attempt: 3 }, at: at(8) };
    expect(flagsOf(stateOf([...unreachable(), reached]))).not.toContain('unreachable');
  });
});

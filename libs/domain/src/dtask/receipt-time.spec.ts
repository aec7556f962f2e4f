import { deadlinesOf } from '../deadlines';
import { DEFAULT_SAFETY_RULES } from '../safety-rules';
import { specification } from '../testing/specification';
import { at, e, received, system, T0 } from '../testing/fixtures';
import { ercInstantProblem, waitingClockStart } from './receipt-time';
import { evolve } from './evolve';
import { flagsOf } from './flags';
import { initialState } from './state';

const spec = specification();
const erc = { id: 'erc', role: 'erc' as const };
const intakeAt = (receivedAt: string) => ({ type: 'Intake' as const, at: T0, actor: erc, task: received({ receivedAt }) });
const s2DispatchAt = (state: ReturnType<typeof evolve>) => deadlinesOf(state, DEFAULT_SAFETY_RULES).find((deadline) => deadline.kind === 's2-dispatch')?.dueAt;

describe('S2 counts from our receipt at the latest: a receivedAt in the future', () => {
  it('is clamped to the moment we received the task, keeping the ERC time and the reason', () => {
    spec([]).when(intakeAt(at(60))).then([{ type: 'DTaskReceived', data: { ...received(), receivedAt: T0, ercReceivedAt: at(60), receivedAtCorrected: 'future' } }]);
  });
  it('in year 9999 still gives the waiting limit its 60 minutes from receipt', () => {
    const state = spec([]).when(intakeAt('9999-12-31T23:59:59Z')).then([{ type: 'DTaskReceived' }]);
    expect(state.receivedAt).toBe(T0);
    expect(s2DispatchAt(state)).toBe(at(60));
  });
  it('an hour ahead does not hold back the alert at 20 minutes of real waiting', () => {
    const given = [{ type: 'DTaskReceived' as const, data: { ...received(), receivedAt: T0, ercReceivedAt: at(60), receivedAtCorrected: 'future' as const }, at: T0 }];
    spec(given).when({ type: 'ReachWaitingLimit', at: at(20), actor: system }).then([{ type: 'WaitingLimitReached', data: { level: 'alert', waitedMinutes: 20 } }]);
  });
  it('a millisecond ahead is clamped too', () => {
    spec([]).when(intakeAt('2026-11-22T10:00:00.001Z')).then([{ type: 'DTaskReceived', data: expect.objectContaining({ receivedAt: T0, receivedAtCorrected: 'future' }) }]);
  });
});

describe('S2 counts from our receipt at the latest: an implausibly old receivedAt', () => {
  it('in year 0000 is clamped to our receipt, keeping the ERC time and the reason', () => {
    const state = spec([]).when(intakeAt('0000-01-01T00:00:00Z'))
      .then([{ type: 'DTaskReceived', data: { ...received(), receivedAt: T0, ercReceivedAt: '0000-01-01T00:00:00Z', receivedAtCorrected: 'implausibly-old' } }]);
    expect(s2DispatchAt(state)).toBe(at(60));
  });
  it('in year 0000 does not dispatch a unit at once', () => {
    const given = [{ type: 'DTaskReceived' as const, data: { ...received(), receivedAt: T0, ercReceivedAt: '0000-01-01T00:00:00Z', receivedAtCorrected: 'implausibly-old' as const }, at: T0 }];
    spec(given).when({ type: 'ReachWaitingLimit', at: at(1), actor: system }).thenRejects('not-due');
  });
  it('more than 24 hours before our receipt is clamped', () => {
    spec([]).when(intakeAt(at(-24 * 60 - 1))).then([{ type: 'DTaskReceived', data: expect.objectContaining({ receivedAt: T0, ercReceivedAt: at(-24 * 60 - 1), receivedAtCorrected: 'implausibly-old' }) }]);
  });
  it('a real one minutes old is kept: S2 fires sooner, which is safe', () => {
    spec([]).when(intakeAt(at(-5))).then([{ type: 'DTaskReceived', data: received({ receivedAt: at(-5) }) }]);
  });
  it('one hours old, up to 24 hours, is kept', () => {
    spec([]).when(intakeAt(at(-24 * 60))).then([{ type: 'DTaskReceived', data: received({ receivedAt: at(-24 * 60) }) }]);
  });
  it('one exactly at our receipt is kept as sent', () => {
    spec([]).when(intakeAt(T0)).then([{ type: 'DTaskReceived', data: received() }]);
  });
});

describe('a corrected receipt time is visible and replays the same', () => {
  const legacy = { type: 'DTaskReceived' as const, data: received({ receivedAt: '9999-01-01T00:00:00Z' }), at: T0 };
  it('flags the task for the supervisor', () => {
    const state = spec([]).when(intakeAt(at(60))).then([{ type: 'DTaskReceived' }]);
    expect(state.receivedAtCorrected).toBe('future');
    expect(flagsOf(state)).toEqual(['received-at-corrected']);
  });
  it('an uncorrected task has no such flag', () => {
    expect(flagsOf(evolve(initialState, e.received()))).toEqual([]);
  });
  it('a recorded corrected intake, decided again (the what-if), records the same event', () => {
    const recorded = { ...received(), receivedAt: T0, ercReceivedAt: at(60), receivedAtCorrected: 'future' as const };
    spec([]).when({ type: 'Intake', at: T0, actor: erc, task: recorded }).then([{ type: 'DTaskReceived', data: recorded }]);
  });
  it('an event written before the correction existed is corrected when folded, against when it was written', () => {
    const state = evolve(initialState, legacy);
    expect(state.receivedAt).toBe(T0);
    expect(flagsOf(state)).toEqual(['received-at-corrected']);
  });
  it('an event written before the correction existed gives S2 its 60 minutes from when it was written', () => {
    spec([legacy]).when({ type: 'ReachWaitingLimit', at: at(60), actor: system }).then([{ type: 'WaitingLimitReached', data: { level: 'dispatch', waitedMinutes: 60 } }, { type: 'UnitRequested' }, { type: 'RecallScheduled' }]);
  });
  it('the second-contact window counts from the corrected time', () => {
    const previous = { previousTaskId: '6c1d2f4e-3a1d-4e8b-9c2f-7d6e5a4b3c21', previousDecision: 'phone-advice' as const, previousDecidedAt: at(-60) };
    spec([]).when({ ...intakeAt('2100-01-01T00:00:00Z'), secondContactOf: previous })
      .then([{ type: 'DTaskReceived' }, { type: 'SecondContactFlagged', data: { ...previous, hoursSince: 1 } }]);
  });
});

describe('waitingClockStart', () => {
  it('treats an unreadable ERC time as implausible', () => {
    expect(waitingClockStart('not a time', T0)).toEqual({ receivedAt: T0, correction: 'implausibly-old' });
  });
});

describe('ercInstantProblem (intake refuses these with 400)', () => {
  it.each(['2026-11-22T12:00:00+02:00', '2026-11-22T10:00:00.123Z', '2026-11-22T23:00:00+14:00'])('accepts %s: a real instant of these years, with a real offset', (value) => {
    expect(ercInstantProblem(value)).toBeUndefined();
  });
  it.each(['0000-01-01T00:00:00Z', '1999-12-31T23:59:59Z', '9999-12-31T23:59:59Z', '2101-01-01T00:00:00Z'])('refuses %s: outside 2000–2100', (value) => {
    expect(ercInstantProblem(value)).toMatch(/2000–2100/);
  });
  it.each(['2026-11-22T10:00:00+23:59', '2026-11-22T10:00:00-15:00'])('refuses %s: an offset no time zone uses', (value) => {
    expect(ercInstantProblem(value)).toMatch(/offset/);
  });
  it('refuses what is not an instant', () => {
    expect(ercInstantProblem('2026-11-22T10:00:60Z')).toMatch(/real instant/);
  });
});

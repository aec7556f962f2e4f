import { commandForDeadline, deadlinesOf } from './deadlines';
import { fold } from './dtask/decider';
import { TimedEvent } from './dtask/state';
import { DEFAULT_SAFETY_RULES } from './safety-rules';
import { assessedTask, at, awaitingVisit, e, waitingForUnit } from './testing/fixtures';

const pending = (events: TimedEvent[], rules = DEFAULT_SAFETY_RULES) => deadlinesOf(fold(events), rules);

describe('deadlines a task still has pending', () => {
  it('starts with the S2 alert and dispatch limits, counted from the ERC’s receipt', () => {
    expect(pending([e.received()])).toEqual([
      { kind: 's2-alert', dueAt: at(20) },
      { kind: 's2-dispatch', dueAt: at(60) },
    ]);
  });

  it('drops the alert once raised, and follows configured limits', () => {
    const alerted: TimedEvent = { type: 'WaitingLimitReached', data: { level: 'alert', waitedMinutes: 20 }, at: at(20) };
    expect(pending([e.received(), alerted])).toEqual([{ kind: 's2-dispatch', dueAt: at(60) }]);
    expect(pending([e.received()], { ...DEFAULT_SAFETY_RULES, s2AlertMinutes: 10, s2DispatchMinutes: 45 }).map((d) => d.dueAt)).toEqual([at(10), at(45)]);
  });

  it('adds the S1 limit after the first failed callback', () => {
    expect(pending([e.received(), e.claimed(), e.callback('busy', 1, 4)])).toContainEqual({ kind: 's1-unreachable', dueAt: at(19) });
  });

  it('has none of S1 and S2 once the patient is reached or a unit is sent', () => {
    expect(pending([e.received(), e.claimed(), e.callback('busy', 1), e.callback('reached', 2, 3)])).toEqual([]);
    expect(pending([e.received(), e.claimed(), e.callback('busy', 1), e.unit('unreachable', 3)])).toEqual([]);
  });

  it('holds the S6 limit while a redirect awaits its handoff, and the follow-up while one is due', () => {
    expect(pending([...assessedTask(), e.redirected('oulu-home-care', 8)])).toEqual([{ kind: 's6-handoff', dueAt: at(38) }]);
    expect(pending([...assessedTask(), e.advised(at(120)), e.followUpScheduled(at(120))])).toEqual([{ kind: 'follow-up-due', dueAt: at(120) }]);
  });

  it('holds each recall’s due time, by its id, beside the follow-up', () => {
    const recalls = [...assessedTask(), e.advised(at(120)), e.followUpScheduled(at(120)), e.recall(90, 9, 'nurse-2', 'nurse')];
    expect(pending(recalls)).toEqual([{ kind: 'follow-up-due', dueAt: at(120) }, { kind: 'recall-due', dueAt: at(90), recallId: 'nurse-2' }]);
  });

  it('holds S8’s overdue limit while a D unit is on its way, at the configured minutes', () => {
    expect(pending(waitingForUnit())).toEqual([{ kind: 'recall-due', dueAt: at(38), recallId: 'waiting-for-unit-1' }, { kind: 's8-unit-overdue', dueAt: at(128) }]);
    expect(pending(waitingForUnit(), { ...DEFAULT_SAFETY_RULES, s8UnitOverdueMinutes: 60 })).toContainEqual({ kind: 's8-unit-overdue', dueAt: at(68) });
  });

  it('drops S8’s limits once the unit is overdue, or on scene', () => {
    const marked: TimedEvent = { type: 'UnitOverdue', data: { requestedAt: at(8), minutesWaited: 120 }, at: at(128) };
    expect(pending([...waitingForUnit(), marked]).map((d) => d.kind)).toEqual(['recall-due']);
    expect(pending([...waitingForUnit(), e.mission('on-scene', 40)])).toEqual([]);
  });

  it('holds the visit limit while an accepted redirect awaits its visit, and nothing once the visit is reported', () => {
    expect(pending(awaitingVisit())).toEqual([{ kind: 'handoff-visit-overdue', dueAt: at(1450) }]);
    const completed: TimedEvent = { type: 'HandoffCompleted', data: { target: 'oulu-home-care', partnerId: 'p', visitedAt: at(200) }, at: at(200) };
    expect(pending([...awaitingVisit(), completed, e.closed('redirect', 200)])).toEqual([]);
    // A v1 acceptance had no visit limit: nothing falls due on it.
    expect(pending([...assessedTask(), e.redirected('oulu-home-care', 8), e.accepted(10)])).toEqual([]);
  });

  it('has nothing for a closed or unknown task', () => {
    expect(pending([e.received(), e.closed('cancelled', 1)])).toEqual([]);
    expect(pending([])).toEqual([]);
  });

  it('maps each due deadline to the system command that acts on it', () => {
    expect(commandForDeadline('s1-unreachable')).toBe('DispatchUnreachable');
    expect(commandForDeadline('s2-alert')).toBe('ReachWaitingLimit');
    expect(commandForDeadline('s2-dispatch')).toBe('ReachWaitingLimit');
    expect(commandForDeadline('s6-handoff')).toBe('TimeOutHandoff');
    expect(commandForDeadline('follow-up-due')).toBeUndefined();
    expect(commandForDeadline('s8-unit-overdue')).toBe('MarkUnitOverdue');
    expect(commandForDeadline('recall-due')).toBeUndefined();
    expect(commandForDeadline('handoff-visit-overdue')).toBe('MarkHandoffVisitOverdue');
  });
});

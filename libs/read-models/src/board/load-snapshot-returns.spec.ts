import { createDTaskDecider, DEFAULT_SAFETY_RULES, TimedEvent } from '@dtask/domain';
import { at, e } from '../../../domain/src/testing/fixtures';
import { FoldEvent } from '../fold-event';
import { loadAt, loadThroughDay } from './time-travel';

const DAY = 24 * 60;
const options = { decider: createDTaskDecider(DEFAULT_SAFETY_RULES), assumedMissionMinutes: 75 };

/** Each task's events as stored, in the order given; every patient is their own. */
function stored(histories: Record<string, TimedEvent[]>): FoldEvent[] {
  let position = 0;
  const events: FoldEvent[] = [];
  for (const [taskId, history] of Object.entries(histories)) {
    for (const event of history) {
      const data = event.type === 'DTaskReceived' ? { ...event.data, taskId, patient: { personId: `pid-${taskId}` } } : event.data;
      events.push({ position: String((position += 1)), streamId: `dtask-${taskId}`, type: event.type, data: data as Record<string, unknown>, metadata: { occurredAt: event.at, schemaVersion: 1 } });
    }
  }
  return events.sort((a, b) => a.metadata.occurredAt.localeCompare(b.metadata.occurredAt));
}
const loadOf = async (histories: Record<string, TimedEvent[]>, minute: number) =>
  (
    await loadAt(
      (async function* () {
        yield stored(histories);
      })(),
      Date.parse(at(minute)),
      options,
    )
  ).load;

const referred = (minute: number) => [e.received(minute), e.claimed(minute + 1), e.callback('reached', 1, minute + 2), e.assessed([], false, minute + 5), e.redirected('oulu-home-care', minute + 8)];
const declined = (minute: number): TimedEvent => ({ type: 'HandoffDeclined', data: { target: 'oulu-home-care', partnerId: 'p1', reason: 'full' }, at: at(minute) });
const failed = (minute: number): TimedEvent => ({ type: 'HandoffFailed', data: { target: 'oulu-home-care', partnerId: 'p1', reason: 'nobody home' }, at: at(minute) });
const overdue = (minute: number): TimedEvent => ({ type: 'HandoffVisitOverdue', data: { target: 'oulu-home-care', visitBy: at(10 + DAY) }, at: at(minute) });

describe('the wall: a returned handoff (S6) is not a failed or overdue visit', () => {
  const histories = {
    D: [...referred(0), declined(20)],
    F: [...referred(0), e.acceptedForVisit(10), failed(300)],
    O: [...referred(0), e.acceptedForVisit(10), overdue(11 + DAY)],
  };

  it('counts under S6 only what the service declined or let time out, and the visits on their own', async () => {
    const load = await loadOf(histories, 12 + DAY);
    expect(load.alerts.s6HandoffReturned).toEqual(['D']);
    expect(load.alertTasks.filter((alert) => alert.kind === 'handoff-returned').map((alert) => alert.taskId)).toEqual(['D']);
    expect(load.referrals.failedVisits).toEqual([expect.objectContaining({ taskId: 'F', target: 'oulu-home-care', failedAt: at(300), status: 'waiting' })]);
    expect(load.referrals.overdueVisits.map((visit) => visit.taskId)).toEqual(['O']);
  });

  it('lets a failed visit go once the task is decided again', async () => {
    const load = await loadOf({ F: [...histories.F, e.claimed(301), e.unit('nurse-decision', 305)] }, 310);
    expect(load.referrals.failedVisits).toEqual([]);
  });
});

describe('the wall: the longest wait is of a task awaiting its decision, recalls apart', () => {
  // W waits 25 min undecided; R's unit was sent at 12 and its S8 recall fell due at 42, 68 min after its
  // receipt; D, received at 0 too, the service declined at 30 (S6's, not the longest wait).
  const histories = {
    R: [e.received(0), e.claimed(1), e.callback('reached', 1, 2), e.assessed([], false, 5), e.unit('nurse-decision', 12), e.recall(42, 12)],
    W: [e.received(43, { receivedAt: at(43) })],
    D: [...referred(0), declined(30)],
  };

  it('takes the oldest wait from the undecided tasks, and counts the recalls due on their own', async () => {
    const load = await loadOf(histories, 68);
    expect(load.queueLength).toBe(3);
    expect(load.oldestWaitSeconds).toBe(25 * 60);
    expect(load.oldestReceivedAt).toBe(at(43));
    expect(load.recallsDue).toBe(1);
    expect(load.oldestRecallDueAt).toBe(at(42));
    expect(load.areas.find((area) => area.queueLength > 0)).toMatchObject({ queueLength: 3, oldestWaitSeconds: 25 * 60 });
  });

  it('counts it so in the day’s steps the analyst replays', async () => {
    const steps = await loadThroughDay(
      (async function* () {
        yield stored(histories);
      })(),
      { fromMs: Date.parse(at(68)), toMs: Date.parse(at(68)), stepMs: 60_000 },
      options,
    );
    expect(steps.at(-1)).toMatchObject({ queueLength: 3, oldestWaitSeconds: 25 * 60 });
  });
});

describe('the wall: an unreachable patient whose unit S1 sent is information until reached or on scene', () => {
  const unreached = [e.received(0), e.claimed(1), e.callback('no-answer', 1, 2), e.callback('no-answer', 2, 4), e.unit('unreachable', 4)];
  const histories = {
    U: unreached,
    R: [...unreached, e.recall(20, 5), e.recallDone('reached', 1, 21)],
    C: [...unreached, e.callback('reached', 3, 6)],
    S: [...unreached, e.mission('on-scene', 30)],
    F: [...unreached, e.recall(20, 5), e.recallDone('no-answer', 1, 21)],
    // Given back by a service, two calls unanswered since (S1), then reached by a callback.
    B: [...referred(0), declined(10), e.claimed(11), e.callback('no-answer', 2, 12), e.callback('no-answer', 3, 13), e.unit('unreachable', 13), e.callback('reached', 4, 20)],
    // Advised, its follow-up call unanswered twice (S1 in contact): still unreached until a welfare recall reaches them.
    A: [e.received(0), e.claimed(1), e.callback('reached', 1, 2), e.assessed([], false, 3), e.advised(at(30), 4), e.followUpScheduled(at(30), 4), e.followUpFailed(30), e.followUpFailed(32), e.unit('unreachable', 32)],
  };

  it('lists only the patients not reached since, their wait stopped at the unit, with the unit’s time', async () => {
    const load = await loadOf(histories, 40);
    expect(load.alerts.s1Unreachable).toEqual(['A', 'F', 'U']);
    expect(load.alertTasks.filter((alert) => alert.kind === 'unreachable')).toEqual([
      expect.objectContaining({ taskId: 'A', unitSentAt: at(32), waitingSeconds: 32 * 60 }),
      expect.objectContaining({ taskId: 'F', unitSentAt: at(4), waitingSeconds: 4 * 60 }),
      expect.objectContaining({ taskId: 'U', unitSentAt: at(4), waitingSeconds: 4 * 60 }),
    ]);
  });
});

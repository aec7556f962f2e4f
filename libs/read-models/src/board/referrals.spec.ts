import { createDTaskDecider, DEFAULT_SAFETY_RULES, TimedEvent } from '@dtask/domain';
import { at, e } from '../../../domain/src/testing/fixtures';
import { FoldEvent } from '../fold-event';
import { TaskBoardFold } from './task-board-fold';

const decider = createDTaskDecider(DEFAULT_SAFETY_RULES);
let position = 0;
const DAY = 24 * 60;

function board(histories: Record<string, TimedEvent[]>): TaskBoardFold {
  const fold = new TaskBoardFold(decider);
  for (const [taskId, events] of Object.entries(histories)) {
    for (const event of events) {
      const data = event.type === 'DTaskReceived' ? { ...event.data, taskId, patient: { personId: `pid-${taskId}` } } : event.data;
      const stored: FoldEvent = { position: String((position += 1)), streamId: `dtask-${taskId}`, type: event.type, data: data as Record<string, unknown>, metadata: { occurredAt: event.at, schemaVersion: 1 } };
      fold.apply(stored);
    }
  }
  return fold;
}

const referred = [e.received(0), e.claimed(1), e.callback('reached', 1, 2), e.assessed([], false, 5), e.redirected('oulu-home-care', 8)];
const failed: TimedEvent = { type: 'HandoffFailed', data: { target: 'oulu-home-care', partnerId: 'p1', reason: 'nobody home' }, at: at(300) };
const overdue = (minute: number): TimedEvent => ({ type: 'HandoffVisitOverdue', data: { target: 'oulu-home-care', visitBy: at(10 + DAY) }, at: at(minute) });

describe('the supervisor’s referrals on the board', () => {
  it('lists referrals awaiting the answer and the visit, each by its own limit, overdue once past it', () => {
    const fold = board({ H: referred, V: [...referred, e.acceptedForVisit(10)] });
    const early = fold.referrals(new Date(at(60)));
    expect(early.awaitingHandoff).toEqual([expect.objectContaining({ taskId: 'H', status: 'awaiting-handoff', target: 'oulu-home-care', redirectedAt: at(8), dueBy: at(38), overdue: true })]);
    expect(early.awaitingVisit).toEqual([expect.objectContaining({ taskId: 'V', status: 'awaiting-visit', acceptedAt: at(10), dueBy: at(10 + DAY), overdue: false })]);
    expect(early.overdueVisits).toEqual([]);
    // Past the visit limit, before the scheduler returns it: awaited, and overdue.
    const late = fold.referrals(new Date(at(11 + DAY)));
    expect(late.overdueVisits).toEqual([expect.objectContaining({ taskId: 'V', status: 'awaiting-visit', visitBy: at(10 + DAY) })]);
    expect(late.overdueVisits[0]!.returnedAt).toBeUndefined();
  });

  it('keeps a visit the limit returned to the queue until it is decided again, and a failed one not', () => {
    const fold = board({ O: [...referred, e.acceptedForVisit(10), overdue(11 + DAY), e.claimed(12 + DAY)], F: [...referred, e.acceptedForVisit(10), failed] });
    const now = new Date(at(13 + DAY));
    expect(fold.referrals(now)).toEqual({
      awaitingHandoff: [],
      awaitingVisit: [],
      overdueVisits: [expect.objectContaining({ taskId: 'O', status: 'claimed', owner: 'nurse-1', target: 'oulu-home-care', visitBy: at(10 + DAY), returnedAt: at(11 + DAY) })],
      // A failed visit is listed apart, not as overdue.
      failedVisits: [expect.objectContaining({ taskId: 'F', status: 'waiting', target: 'oulu-home-care', failedAt: at(300) })],
    });
    const again = board({ O: [...referred, e.acceptedForVisit(10), overdue(11 + DAY), e.claimed(12 + DAY), e.unit('nurse-decision', 14 + DAY)] });
    expect(again.referrals(now).overdueVisits).toEqual([]);
  });

  it('survives the board’s snapshot, and names no patient', () => {
    const fold = board({ O: [...referred, e.acceptedForVisit(10), overdue(11 + DAY)] });
    const saved = JSON.parse(JSON.stringify(fold.saveState()));
    const loaded = new TaskBoardFold(decider);
    loaded.loadState(saved);
    const now = new Date(at(12 + DAY));
    expect(loaded.referrals(now)).toEqual(fold.referrals(now));
    expect(JSON.stringify(fold.referrals(now))).not.toMatch(/Isokatu|010142|pid-|\+358/);
  });
});

describe('the patient’s language in the queue', () => {
  const swedish: TimedEvent = { type: 'AssessmentRecorded', data: { redFlags: [], concern: false, symptoms: 'yrsel', existingServices: [], notes: '', language: 'sv' }, at: at(5) };
  const retold: TimedEvent = { type: 'AssessmentRecorded', data: { redFlags: [], concern: false, symptoms: 'yrsel', existingServices: [], notes: 'again' }, at: at(6) };

  it('carries the language the last assessment told, and none where none was told', () => {
    const fold = board({ S: [e.received(0), e.claimed(1), e.callback('reached', 1, 2), swedish, retold], N: [e.received(0)] });
    const now = new Date(at(7));
    expect(fold.queue(now, { status: 'claimed' })[0]).toMatchObject({ taskId: 'S', language: 'sv' });
    expect(fold.queue(now)[0]!.taskId).toBe('N');
    expect(fold.queue(now)[0]).not.toHaveProperty('language');
    const loaded = new TaskBoardFold(decider);
    loaded.loadState(JSON.parse(JSON.stringify(fold.saveState())));
    expect(loaded.queue(now, { status: 'claimed' })[0]!.language).toBe('sv');
  });

  it('shows it when the task comes back to the queue after a failed visit', () => {
    const fold = board({ S: [e.received(0), e.claimed(1), e.callback('reached', 1, 2), swedish, e.redirected('oulu-home-care', 8), e.acceptedForVisit(10), failed] });
    expect(fold.queue(new Date(at(301)))[0]).toMatchObject({ taskId: 'S', language: 'sv', flags: expect.arrayContaining(['handoff-returned']) });
  });
});

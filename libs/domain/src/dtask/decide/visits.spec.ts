import { specification } from '../../testing/specification';
import { assessedTask, at, awaitingHandoff, awaitingVisit, e, n1, part, partner, supervisor, system } from '../../testing/fixtures';

const spec = specification();
const homeCare = partner('oulu-home-care');

describe('the receiving service’s visit after it accepted', () => {
  it('given an accepted redirect, when home care reports the visit done, then the task closes as redirected', () => {
    const state = spec(awaitingVisit()).when({ type: 'CompleteHandoff', at: at(300), actor: homeCare, visitedAt: at(280), notes: 'ok at home' }).then([
      { type: 'HandoffCompleted', data: { target: 'oulu-home-care', partnerId: 'partner-oulu-home-care', visitedAt: at(280), notes: 'ok at home' } },
      { type: 'DTaskClosed', data: { outcome: 'redirect' } },
    ]);
    expect(state).toMatchObject({ status: 'closed', closedOutcome: 'redirect' });
  });
  it('given an accepted redirect, when home care reports without notes, then no empty notes are written', () => {
    spec(awaitingVisit()).when({ type: 'CompleteHandoff', at: at(300), actor: homeCare, visitedAt: at(300) })
      .then([{ type: 'HandoffCompleted', data: { target: 'oulu-home-care', partnerId: 'partner-oulu-home-care', visitedAt: at(300) } }, part('DTaskClosed', { outcome: 'redirect' })]);
  });
  it.each([
    ['later than now', at(301)],
    ['before the referral was made', at(7)],
  ])('given an accepted redirect, when the visit is reported %s, then the time is refused', (_, visitedAt) => {
    spec(awaitingVisit()).when({ type: 'CompleteHandoff', at: at(300), actor: homeCare, visitedAt }).thenRejects('visit-time-implausible');
  });
  it.each([
    ['CompleteHandoff', { type: 'CompleteHandoff' as const, visitedAt: at(280) }],
    ['FailHandoff', { type: 'FailHandoff' as const, reason: 'not home' }],
  ])('given an accepted redirect to home care, when primary care sends %s, then it is the wrong service', (_, command) => {
    spec(awaitingVisit()).when({ ...command, at: at(300), actor: partner('oulu-primary-care') }).thenRejects('wrong-service');
  });
  it.each([
    ['a nurse', n1],
    ['a supervisor', supervisor],
  ])('given an accepted redirect, when %s reports the visit, then only the service may', (_, actor) => {
    spec(awaitingVisit()).when({ type: 'CompleteHandoff', at: at(300), actor, visitedAt: at(280) }).thenRejects('wrong-service');
  });
  it.each([
    ['still awaiting the answer', awaitingHandoff()],
    ['not redirected', assessedTask()],
  ])('given a redirect %s, when home care reports a visit, then no visit is awaited', (_, given) => {
    spec(given).when({ type: 'CompleteHandoff', at: at(300), actor: homeCare, visitedAt: at(20) }).thenRejects('not-awaiting-visit');
    spec(given).when({ type: 'FailHandoff', at: at(300), actor: homeCare, reason: 'r' }).thenRejects('not-awaiting-visit');
  });
  it('given an accepted redirect, when home care reports the visit failed, then the task returns undecided to the top of the queue', () => {
    const state = spec(awaitingVisit()).when({ type: 'FailHandoff', at: at(300), actor: homeCare, reason: 'patient not at home' })
      .then([{ type: 'HandoffFailed', data: { target: 'oulu-home-care', partnerId: 'partner-oulu-home-care', reason: 'patient not at home' } }]);
    expect(state).toMatchObject({ status: 'waiting', handoffReturned: true, decision: undefined, visit: undefined, owner: undefined });
  });
  it('given a failed visit, when home care reports it done after all, then no visit is awaited any more', () => {
    const failed = { type: 'HandoffFailed' as const, data: { target: 'oulu-home-care', partnerId: 'p', reason: 'r' }, at: at(300) };
    spec([...awaitingVisit(), failed]).when({ type: 'CompleteHandoff', at: at(310), actor: homeCare, visitedAt: at(305) }).thenRejects('not-awaiting-visit');
  });
  it('given an accepted redirect, when a nurse closes the task, then it waits for the visit report', () => {
    spec(awaitingVisit()).when({ type: 'Close', at: at(300), actor: n1 }).thenRejects('handoff-pending');
  });
  it('given an accepted redirect, when a nurse claims it, then it is not claimable while the service has it', () => {
    spec(awaitingVisit()).when({ type: 'Claim', at: at(300), actor: n1 }).thenRejects('not-claimable');
  });
  it.each([
    ['awaiting the answer', awaitingHandoff()],
    ['awaiting the visit', awaitingVisit()],
  ])('given a redirect %s, when a nurse books a recall, then it waits until the task is back (no one could take it up)', (_, given) => {
    spec(given).when({ type: 'ScheduleRecall', at: at(300), actor: n1, dueAt: at(400), reason: 'nurse' }).thenRejects('handoff-pending');
  });
});

describe('the visit limit (HandoffVisitOverdue)', () => {
  it('given a visit due by minute 1450, when the scheduler fires at 1449, then it is not due', () => {
    spec(awaitingVisit()).when({ type: 'MarkHandoffVisitOverdue', at: at(1449), actor: system }).thenRejects('not-due');
  });
  it('given a visit due by minute 1450, when the scheduler fires at 1450, then the task returns to the top of the queue', () => {
    const state = spec(awaitingVisit()).when({ type: 'MarkHandoffVisitOverdue', at: at(1450), actor: system })
      .then([{ type: 'HandoffVisitOverdue', data: { target: 'oulu-home-care', visitBy: at(1450) } }]);
    expect(state).toMatchObject({ status: 'waiting', handoffReturned: true, decision: undefined, visit: undefined });
  });
  it('given a visit past its limit, when a nurse or the service marks it overdue, then only the scheduler may', () => {
    spec(awaitingVisit()).when({ type: 'MarkHandoffVisitOverdue', at: at(1500), actor: n1 }).thenRejects('system-only');
    spec(awaitingVisit()).when({ type: 'MarkHandoffVisitOverdue', at: at(1500), actor: homeCare }).thenRejects('system-only');
  });
  it('given a completed visit, when the scheduler fires late, then the task is closed', () => {
    const completed = { type: 'HandoffCompleted' as const, data: { target: 'oulu-home-care', partnerId: 'p', visitedAt: at(200) }, at: at(210) };
    spec([...awaitingVisit(), completed, e.closed('redirect', 210)]).when({ type: 'MarkHandoffVisitOverdue', at: at(1500), actor: system }).thenRejects('task-closed');
  });
  it('given a v1 acceptance (no visitBy) and its closure, when the scheduler fires, then the closed task is left alone', () => {
    spec([...awaitingHandoff(), e.accepted(10), e.closed('redirect', 10)]).when({ type: 'MarkHandoffVisitOverdue', at: at(1500), actor: system }).thenRejects('task-closed');
  });
});

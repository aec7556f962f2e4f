import { specification } from '../../testing/specification';
import { DEFAULT_SAFETY_RULES } from '../../safety-rules';
import { assessedTask, at, awaitingHandoff, part, partner, system } from '../../testing/fixtures';

const spec = specification();
const homeCare = partner('oulu-home-care');

describe('handoffs and S6', () => {
  it('given a redirect to home care, when home care accepts, then it awaits the visit within 24 hours, not closed', () => {
    const state = spec(awaitingHandoff()).when({ type: 'AcceptHandoff', at: at(10), actor: homeCare })
      .then([{ type: 'HandoffAccepted', data: { target: 'oulu-home-care', partnerId: 'partner-oulu-home-care', visitBy: at(10 + 24 * 60) } }]);
    expect(state).toMatchObject({ status: 'awaiting-visit', visit: { target: 'oulu-home-care', visitBy: at(1450) }, handoff: undefined, closedOutcome: undefined });
  });
  it('given a visit limit of 6 hours, when home care accepts, then the visit is due 6 hours later', () => {
    specification({ ...DEFAULT_SAFETY_RULES, handoffVisitHours: 6 })(awaitingHandoff()).when({ type: 'AcceptHandoff', at: at(10), actor: homeCare })
      .then([part('HandoffAccepted', { visitBy: at(10 + 6 * 60) })]);
  });
  it('given a redirect to home care, when primary care accepts, then it is the wrong service', () => {
    spec(awaitingHandoff()).when({ type: 'AcceptHandoff', at: at(10), actor: partner('oulu-primary-care') }).thenRejects('wrong-service');
  });
  it('given a redirect to home care, when primary care declines, then it is the wrong service', () => {
    spec(awaitingHandoff()).when({ type: 'DeclineHandoff', at: at(10), actor: partner('oulu-primary-care'), reason: 'no' }).thenRejects('wrong-service');
  });
  it('given no redirect, when a service accepts, then no handoff is open', () => {
    spec(assessedTask()).when({ type: 'AcceptHandoff', at: at(10), actor: homeCare }).thenRejects('not-awaiting-handoff');
  });
  it('given a redirect to home care, when home care declines, then the task returns undecided to the top of the queue', () => {
    const state = spec(awaitingHandoff()).when({ type: 'DeclineHandoff', at: at(10), actor: homeCare, reason: 'no capacity' }).then([{ type: 'HandoffDeclined' }]);
    expect(state).toMatchObject({ status: 'waiting', handoffReturned: true, owner: undefined, decision: undefined });
  });
  it('given a redirect with its S6 deadline at minute 38, when the timer fires at minute 37, then it is not due', () => {
    spec(awaitingHandoff()).when({ type: 'TimeOutHandoff', at: at(37), actor: system }).thenRejects('not-due');
  });
  it('given a redirect with its S6 deadline at minute 38, when the timer fires at minute 38, then the handoff times out back to the queue', () => {
    const state = spec(awaitingHandoff()).when({ type: 'TimeOutHandoff', at: at(38), actor: system }).then([{ type: 'HandoffTimedOut', data: { target: 'oulu-home-care', deadline: at(38) } }]);
    expect(state.status).toBe('waiting');
  });
});

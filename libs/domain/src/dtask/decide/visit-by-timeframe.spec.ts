import { DEFAULT_SAFETY_RULES } from '../../safety-rules';
import type { TimedEvent } from '../state';
import { assessedTask, at, e, part, partner } from '../../testing/fixtures';
import { specification } from '../../testing/specification';

const spec = specification();
const homeCare = partner('oulu-home-care');
/** Redirected at minute 8 asking for care within `within`, home care's answer still to come. */
function redirectedWithin(within: string): TimedEvent[] {
  const redirected = e.redirected('oulu-home-care', 8);
  return [...assessedTask(), { ...redirected, data: { ...redirected.data, within } } as TimedEvent];
}

// QA 6 (5): a referral asking for care within 8 h gave the service 24 h to report its visit, so a
// patient not seen in time came back to the nurses 16 h after the time the nurse had asked for.
describe('the visit is due by the timeframe the nurse asked for, within the visit limit', () => {
  it('given a redirect at minute 8 asking for care within 8 h, when home care accepts at minute 10, then the visit is due at minute 8 + 8 h', () => {
    const state = spec(redirectedWithin('PT8H')).when({ type: 'AcceptHandoff', at: at(10), actor: homeCare }).then([part('HandoffAccepted', { visitBy: at(8 + 8 * 60) })]);
    expect(state).toMatchObject({ status: 'awaiting-visit', visit: { visitBy: at(488) } });
  });
  it('given a redirect asking for care within a day, when accepted two minutes later, then the day counts from the redirect', () => {
    spec(redirectedWithin('P1D')).when({ type: 'AcceptHandoff', at: at(10), actor: homeCare }).then([part('HandoffAccepted', { visitBy: at(8 + 24 * 60) })]);
  });
  it('given a redirect within 8 h and a visit limit lowered to 6 h since, when accepted, then the visit limit comes first', () => {
    specification({ ...DEFAULT_SAFETY_RULES, handoffVisitHours: 6 })(redirectedWithin('PT8H')).when({ type: 'AcceptHandoff', at: at(10), actor: homeCare })
      .then([part('HandoffAccepted', { visitBy: at(10 + 6 * 60) })]);
  });
});

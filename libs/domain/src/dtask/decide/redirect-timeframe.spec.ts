import { DEFAULT_SAFETY_RULES } from '../../safety-rules';
import { assessedTask, at, n1, part, redirect } from '../../testing/fixtures';
import { specification } from '../../testing/specification';

const spec = specification();

// The service must report its visit by the visit limit (24 h by default); a referral "within 7 days"
// would come back overdue before anyone meant to see the patient, or be left open past the limit.
describe('a redirect’s timeframe and the visit limit', () => {
  it.each(['PT4H', 'P1D', 'PT24H'])('given an assessed task, when redirected within %s, then the referral is made', (within) => {
    spec(assessedTask()).when({ type: 'Decide', at: at(8), actor: n1, decision: { ...redirect, within } }).then([part('RedirectRequested', { within })]);
  });
  it.each(['P3D', 'P7D', 'P1DT1M'])('given an assessed task, when redirected within %s, then it is beyond the visit limit', (within) => {
    spec(assessedTask()).when({ type: 'Decide', at: at(8), actor: n1, decision: { ...redirect, within } }).thenRejects('timeframe-beyond-visit-limit');
  });
  it('given a county with a 72-hour visit limit, when redirected within three days, then the referral is made', () => {
    specification({ ...DEFAULT_SAFETY_RULES, handoffVisitHours: 72 })(assessedTask())
      .when({ type: 'Decide', at: at(8), actor: n1, decision: { ...redirect, within: 'P3D' } }).then([part('RedirectRequested', { within: 'P3D' })]);
  });
});

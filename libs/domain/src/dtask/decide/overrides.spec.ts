import { specification } from '../../testing/specification';
import { advice, assessedTask, at, e, n1, supervisor } from '../../testing/fixtures';

const spec = specification();
const secondContact = [e.received(), e.secondContact(), e.claimed(), e.callback('reached', 1), e.assessed()];

describe('S4 second contact', () => {
  it('given a second contact, when the nurse gives advice, then it needs a supervisor override', () => {
    spec(secondContact).when({ type: 'Decide', at: at(7), actor: n1, decision: advice }).thenRejects('second-contact-needs-override');
  });
  it('given a second contact, when a nurse grants the override, then only a supervisor may', () => {
    spec(secondContact).when({ type: 'GrantOverride', at: at(7), actor: n1, rule: 'S4-second-contact', reason: 'x' }).thenRejects('supervisor-only');
  });
  it('given a second contact the supervisor confirmed, when the nurse gives advice, then it closes', () => {
    spec([...secondContact, e.overridden(7)]).when({ type: 'Decide', at: at(8), actor: n1, decision: advice }).then([{ type: 'PhoneAdviceGiven' }, { type: 'DTaskClosed' }]);
  });
  it('given a second contact, when a supervisor grants the override, then it is granted', () => {
    spec(secondContact).when({ type: 'GrantOverride', at: at(7), actor: supervisor, rule: 'S4-second-contact', reason: 'confirmed' })
      .then([{ type: 'OverrideGranted', data: { rule: 'S4-second-contact', reason: 'confirmed' } }]);
  });
  it('given a first contact, when a supervisor grants the override, then it does not apply', () => {
    spec(assessedTask()).when({ type: 'GrantOverride', at: at(7), actor: supervisor, rule: 'S4-second-contact', reason: 'x' }).thenRejects('override-not-applicable');
  });
});

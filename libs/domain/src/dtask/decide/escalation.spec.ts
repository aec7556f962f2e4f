import { specification } from '../../testing/specification';
import { assessedTask, at, e, n1 } from '../../testing/fixtures';

const spec = specification();

describe('escalation', () => {
  it('given chest pain, when the nurse escalates to B, then a unit is requested at B, triggered by the red flag', () => {
    const state = spec(assessedTask(['chest-pain'])).when({ type: 'Escalate', at: at(6), actor: n1, urgency: 'B', reason: 'chest pain' }).then([
      { type: 'UrgencyEscalated', data: { from: 'D', to: 'B', reason: 'chest pain', trigger: 'red-flag', redFlags: ['chest-pain'] } },
      { type: 'UnitRequested', data: { unitLevel: 'advanced', urgency: 'B', reason: 'escalation' } },
    ]);
    expect(state.urgency).toBe('B');
  });
  it('given the nurse’s concern, when she escalates to C, then the trigger is her concern and a basic unit goes', () => {
    spec([e.received(), e.claimed(), e.callback('reached', 1), e.assessed([], true)]).when({ type: 'Escalate', at: at(6), actor: n1, urgency: 'C', reason: 'gut feeling' })
      .then([{ type: 'UrgencyEscalated', data: { from: 'D', to: 'C', reason: 'gut feeling', trigger: 'concern', redFlags: [] } }, { type: 'UnitRequested', data: { unitLevel: 'basic', urgency: 'C', reason: 'escalation' } }]);
  });
  it('given no red flag nor concern, when the nurse escalates, then the trigger is the nurse', () => {
    spec(assessedTask()).when({ type: 'Escalate', at: at(6), actor: n1, urgency: 'C', reason: 'worse on the phone' })
      .then([{ type: 'UrgencyEscalated', data: { from: 'D', to: 'C', reason: 'worse on the phone', trigger: 'nurse', redFlags: [] } }, { type: 'UnitRequested' }]);
  });
});

describe('an escalation is never undone', () => {
  const escalated = [...assessedTask(['chest-pain']), e.escalated('B'), e.claimed(7)];
  it('given a task escalated to B, when the nurse escalates to C, then it cannot be undone', () => {
    spec(escalated).when({ type: 'Escalate', at: at(8), actor: n1, urgency: 'C', reason: 'better now' }).thenRejects('escalation-cannot-be-undone');
  });
  it('given a task escalated to B, when the nurse escalates to A, then it goes up with a unit', () => {
    spec(escalated).when({ type: 'Escalate', at: at(8), actor: n1, urgency: 'A', reason: 'worse' }).then([{ type: 'UrgencyEscalated' }, { type: 'UnitRequested' }]);
  });
});

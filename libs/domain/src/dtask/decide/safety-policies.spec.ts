import { specification } from '../../testing/specification';
import { at, e, system, waitingRecall } from '../../testing/fixtures';

const spec = specification();
const firstFailedAtMinute2 = [e.received(), e.claimed(), e.callback('no-answer', 1, 2)];

describe('S1 time rule: a unit 15 minutes after the first failed callback without contact', () => {
  it('given the first failed callback at minute 2, when the timer fires at minute 16, then it is not due', () => {
    spec(firstFailedAtMinute2).when({ type: 'DispatchUnreachable', at: at(16), actor: system }).thenRejects('not-due');
  });
  it('given the first failed callback at minute 2, when the timer fires at minute 17, then a unit is sent as unreachable', () => {
    spec(firstFailedAtMinute2).when({ type: 'DispatchUnreachable', at: at(17), actor: system })
      .then([{ type: 'UnitRequested', data: { unitLevel: 'basic', urgency: 'D', reason: 'unreachable' } }, waitingRecall(47)]);
  });
  it('given the patient reached after the failed callback, when the timer fires, then it is not due', () => {
    spec([...firstFailedAtMinute2, e.callback('reached', 2, 4)]).when({ type: 'DispatchUnreachable', at: at(30), actor: system }).thenRejects('not-due');
  });
});

describe('S2 waiting limits', () => {
  it('given a task received at minute 0, when the timer fires at minute 19, then nothing is due', () => {
    spec([e.received()]).when({ type: 'ReachWaitingLimit', at: at(19), actor: system }).thenRejects('not-due');
  });
  it('given a task received at minute 0, when the timer fires at minute 20, then the supervisor is alerted', () => {
    spec([e.received()]).when({ type: 'ReachWaitingLimit', at: at(20), actor: system }).then([{ type: 'WaitingLimitReached', data: { level: 'alert', waitedMinutes: 20 } }]);
  });
  it('given the alert raised, when the timer fires at minute 30, then it is not raised again', () => {
    spec([e.received(), e.alerted(20)]).when({ type: 'ReachWaitingLimit', at: at(30), actor: system }).thenRejects('not-due');
  });
  it('given no contact, when the timer fires at minute 60, then a unit is sent for the waiting limit', () => {
    spec([e.received()]).when({ type: 'ReachWaitingLimit', at: at(60), actor: system })
      .then([{ type: 'WaitingLimitReached', data: { level: 'dispatch', waitedMinutes: 60 } }, { type: 'UnitRequested', data: { unitLevel: 'basic', urgency: 'D', reason: 'waiting-limit' } }, waitingRecall(90)]);
  });
  it('given a nurse in contact since minute 30, when the timer fires at minute 60, then it is not due', () => {
    spec([e.received(), e.claimed(), e.callback('reached', 1, 30)]).when({ type: 'ReachWaitingLimit', at: at(60), actor: system }).thenRejects('not-due');
  });
});

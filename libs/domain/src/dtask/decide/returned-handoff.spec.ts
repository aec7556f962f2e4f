import { deadlinesOf } from '../../deadlines';
import { DEFAULT_SAFETY_RULES } from '../../safety-rules';
import { advice, at, awaitingHandoff, awaitingVisit, e, n1, part, redirect, system } from '../../testing/fixtures';
import { specification } from '../../testing/specification';
import { createDTaskDecider } from '../decider';
import { HANDOFF_RETURNS } from '../handoff-returns';
import { TimedEvent } from '../state';

const spec = specification();
const answer = { target: 'oulu-home-care', partnerId: 'partner-oulu-home-care' };

/** Each way a receiving service gives the patient back, at minute 300 (the visit limit is 24 h). */
const returns: [string, TimedEvent[]][] = [
  ['declined', [...awaitingHandoff(), { type: 'HandoffDeclined', data: { ...answer, reason: 'no capacity' }, at: at(300) }]],
  ['timed out', [...awaitingHandoff(), { type: 'HandoffTimedOut', data: { target: 'oulu-home-care', deadline: at(38) }, at: at(300) }]],
  ['failed at the visit', [...awaitingVisit(), { type: 'HandoffFailed', data: { ...answer, reason: 'not at home' }, at: at(300) }]],
  ['overdue', [...awaitingVisit(), { type: 'HandoffVisitOverdue', data: { target: 'oulu-home-care', visitBy: at(290) }, at: at(300) }]],
  ['withdrawn on a repeat call', [...awaitingVisit(), { type: 'HandoffWithdrawn', data: { target: 'oulu-home-care', reason: 'repeat-call' }, at: at(300) }]],
];
const claimedAgain = (given: TimedEvent[]) => [...given, e.claimed(301)];
const reachedAgain = (given: TimedEvent[]) => [...claimedAgain(given), e.callback('reached', 2, 302)];

// The patient was reached and assessed before the referral; once it comes back, that contact is old news.
describe('a task a receiving service gave back', () => {
  it('covers every way a service gives the patient back', () => {
    expect(returns.map(([, events]) => events.at(-1)!.type).sort()).toEqual([...HANDOFF_RETURNS].sort());
  });
  it.each(returns)('given a handoff %s, when the second callback since fails, then S1 sends a unit', (_, given) => {
    spec([...claimedAgain(given), e.callback('no-answer', 2, 302)]).when({ type: 'RecordCallback', at: at(305), actor: n1, outcome: 'no-answer' }).then([
      part('CallbackAttempted', { outcome: 'no-answer', attempt: 3 }),
      part('UnitRequested', { reason: 'unreachable' }),
      part('RecallScheduled', { reason: 'waiting-for-unit' }),
    ]);
  });
  it.each(returns)('given a handoff %s, when the first callback since fails, then no unit yet', (_, given) => {
    spec(claimedAgain(given)).when({ type: 'RecordCallback', at: at(302), actor: n1, outcome: 'no-answer' }).then([part('CallbackAttempted', { attempt: 2 })]);
  });
  it.each(returns)('given a handoff %s, when the nurse gives advice without calling again, then a reached call is required', (_, given) => {
    spec(claimedAgain(given)).when({ type: 'Decide', at: at(302), actor: n1, decision: advice }).thenRejects('no-contact');
  });
  it.each(returns)('given a handoff %s, when the nurse redirects without calling again, then a reached call is required', (_, given) => {
    spec(claimedAgain(given)).when({ type: 'Decide', at: at(302), actor: n1, decision: redirect }).thenRejects('no-contact');
  });
  it.each(returns)('given a handoff %s and the patient reached again, when advice follows the old assessment, then a new one is required', (_, given) => {
    spec(reachedAgain(given)).when({ type: 'Decide', at: at(303), actor: n1, decision: advice }).thenRejects('not-assessed');
  });
  it.each(returns)('given a handoff %s, when the nurse assesses without calling again, then the patient must be on the line', (_, given) => {
    spec(claimedAgain(given)).when({ type: 'RecordAssessment', at: at(302), actor: n1, assessment: { redFlags: [], concern: false, symptoms: 's', existingServices: [], notes: '' } })
      .thenRejects('no-contact');
  });
  it.each(returns)('given a handoff %s, the patient reached and assessed again, when advice is given, then it closes the task', (_, given) => {
    spec([...reachedAgain(given), e.assessed([], false, 303)]).when({ type: 'Decide', at: at(304), actor: n1, decision: advice })
      .then([part('PhoneAdviceGiven', {}), part('DTaskClosed', { outcome: 'phone-advice' })]);
  });
  it.each(returns)('given a handoff %s, when the nurse closes it unreached, then only a unit closes it', (_, given) => {
    spec(claimedAgain(given)).when({ type: 'Close', at: at(302), actor: n1 }).thenRejects('close-without-contact');
  });
  it('given a failed visit and one failed callback since, when S1’s time limit passes, then the scheduler sends a unit', () => {
    const given = [...claimedAgain(returns[2][1]), e.callback('no-answer', 2, 302)];
    spec(given).when({ type: 'DispatchUnreachable', at: at(302 + DEFAULT_SAFETY_RULES.s1MinutesAfterFirstFailure), actor: system })
      .then([part('UnitRequested', { reason: 'unreachable' }), part('RecallScheduled', {})]);
  });
  it('given a failed visit and one failed callback since, then S1’s deadline runs from that call, and S2’s waiting clock stays stopped', () => {
    const decider = createDTaskDecider(DEFAULT_SAFETY_RULES);
    const state = [...claimedAgain(returns[2][1]), e.callback('no-answer', 2, 302)].reduce(decider.evolve, decider.initialState);
    const kinds = deadlinesOf(state, DEFAULT_SAFETY_RULES).map((deadline) => deadline.kind);
    expect(kinds).toContain('s1-unreachable');
    expect(deadlinesOf(state, DEFAULT_SAFETY_RULES).find((deadline) => deadline.kind === 's1-unreachable')?.dueAt)
      .toBe(at(302 + DEFAULT_SAFETY_RULES.s1MinutesAfterFirstFailure));
    // The patient was reached once, within S2's limits: a return is not a new wait for first contact.
    expect(kinds).not.toContain('s2-dispatch');
  });
  it('given a declined handoff, then failed calls from before the referral do not count again', () => {
    const before = [e.received(), e.claimed(), e.callback('no-answer', 1), e.callback('reached', 2, 3), e.assessed([], false, 5), e.redirected('oulu-home-care', 8)];
    const given = [...before, { type: 'HandoffDeclined' as const, data: { ...answer, reason: 'full' }, at: at(20) }, e.claimed(21)];
    spec(given).when({ type: 'RecordCallback', at: at(22), actor: n1, outcome: 'no-answer' }).then([part('CallbackAttempted', { attempt: 3 })]);
  });
});

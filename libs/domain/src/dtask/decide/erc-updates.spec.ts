import { specification } from '../../testing/specification';
import { advice, assessedTask, at, awaitingHandoff, awaitingVisit, e, erc, n1, partner, supervisor, waitingForUnit } from '../../testing/fixtures';
import { flagsOf } from '../flags';

const spec = specification();
const update = (minute: number, data: Parameters<typeof e.ercUpdate>[0]) => ({ type: 'ReceiveErcUpdate' as const, at: at(minute), actor: erc, update: data });
const newNumber = { kind: 'new-information' as const, callbackPhone: '+358409876543', notes: 'daughter answers' };
const repeatCall = { kind: 'repeat-call' as const, notes: 'called 112 again, more short of breath' };
const raisedToB = { kind: 'urgency-changed' as const, urgency: 'B' as const };

describe('ERC updates: new information', () => {
  it('given a waiting task, when the ERC sends a new callback number, then it is recorded and the task keeps the newest', () => {
    const state = spec([e.received()]).when(update(3, newNumber)).then([{ type: 'ErcUpdateReceived', data: newNumber }]);
    expect(state).toMatchObject({ callbackPhone: '+358409876543', address: undefined, status: 'waiting' });
  });
  it('given a new number, when the ERC later sends a changed address, then both newest values are kept', () => {
    const state = spec([e.received(), e.ercUpdate(newNumber)]).when(update(10, { kind: 'new-information', address: 'Kirkkokatu 5' })).then([{ type: 'ErcUpdateReceived' }]);
    expect(state).toMatchObject({ callbackPhone: '+358409876543', address: 'Kirkkokatu 5' });
  });
  it('given a task a nurse holds, when new information comes, then she keeps it', () => {
    const state = spec([e.received(), e.claimed()]).when(update(3, newNumber)).then([{ type: 'ErcUpdateReceived' }]);
    expect(state.owner).toBe('nurse-1');
  });
});

describe('ERC updates: a repeat call', () => {
  it('given a waiting task, when the patient calls 112 again, then the task is flagged a repeat call', () => {
    const state = spec([e.received()]).when(update(12, repeatCall)).then([{ type: 'ErcUpdateReceived', data: repeatCall }]);
    expect(state.repeatCalls).toEqual({ count: 1, lastAt: at(12) });
    expect(flagsOf(state)).toEqual(['repeat-call']);
  });
  it('given one repeat call, when a second comes two minutes later, then both are counted', () => {
    const state = spec([e.received(), e.ercUpdate(repeatCall, 12)]).when(update(14, { kind: 'repeat-call' })).then([{ type: 'ErcUpdateReceived' }]);
    expect(state.repeatCalls).toEqual({ count: 2, lastAt: at(14) });
  });
});

describe('ERC updates: a repeat call while the patient waits for a D unit (S8)', () => {
  it('given a D unit on its way and its recall not yet due, when the patient calls 112 again, then a welfare recall falls due at once', () => {
    const state = spec(waitingForUnit()).when(update(20, repeatCall)).then([
      { type: 'ErcUpdateReceived', data: repeatCall },
      { type: 'RecallScheduled', data: { recallId: 'waiting-for-unit-2', dueAt: at(20), reason: 'waiting-for-unit' } },
    ]);
    expect(state.recalls.filter((recall) => recall.done === undefined).map((recall) => recall.dueAt)).toEqual([at(38), at(20)]);
  });
  it('given a D unit on its way and its recall already due, when the patient calls 112 again, then no second recall is added', () => {
    spec(waitingForUnit()).when(update(40, repeatCall)).then([{ type: 'ErcUpdateReceived', data: repeatCall }]);
  });
});

describe('ERC updates: a repeat call while a receiving service has the patient', () => {
  it.each([
    ['awaiting the service’s answer', awaitingHandoff],
    ['accepted, the visit awaited', awaitingVisit],
  ])('given a redirect %s, when the patient calls 112 again, then the centre takes the patient back to the top of the queue', (_, given) => {
    const state = spec(given()).when(update(60, repeatCall)).then([
      { type: 'ErcUpdateReceived', data: repeatCall },
      { type: 'HandoffWithdrawn', data: { target: 'oulu-home-care', reason: 'repeat-call' } },
    ]);
    expect(state).toMatchObject({ status: 'waiting', handoffReturned: true, decision: undefined, handoff: undefined, visit: undefined });
    expect(flagsOf(state)).toEqual(expect.arrayContaining(['repeat-call', 'handoff-returned']));
  });
  it('given a redirect taken back after a repeat call, when the service then reports the visit, then no visit is awaited', () => {
    spec([...awaitingVisit(), e.ercUpdate(repeatCall, 60), { type: 'HandoffWithdrawn', data: { target: 'oulu-home-care', reason: 'repeat-call' }, at: at(60) }])
      .when({ type: 'CompleteHandoff', at: at(70), actor: partner('oulu-home-care'), visitedAt: at(65) })
      .thenRejects('not-awaiting-visit');
  });
  it('given an accepted redirect, when the ERC sends new information, then the service keeps the patient', () => {
    const state = spec(awaitingVisit()).when(update(60, newNumber)).then([{ type: 'ErcUpdateReceived', data: newNumber }]);
    expect(state.status).toBe('awaiting-visit');
  });
});

describe('ERC updates: the same update twice within a minute is written once', () => {
  it('given a repeat call 59 seconds ago, when the same body comes again, then nothing is written', () => {
    spec([e.received(), e.ercUpdate(repeatCall, 12)]).when({ ...update(12, repeatCall), at: new Date(Date.parse(at(12)) + 59_000).toISOString() }).then([]);
  });
  it('given a repeat call a minute ago, when the same body comes again, then it is a new call', () => {
    spec([e.received(), e.ercUpdate(repeatCall, 12)]).when(update(13, repeatCall)).then([{ type: 'ErcUpdateReceived' }]);
  });
  it('given new information seconds ago, when another number comes, then it is written', () => {
    spec([e.received(), e.ercUpdate(newNumber, 3)]).when(update(3, { ...newNumber, callbackPhone: '+358401111111' })).then([{ type: 'ErcUpdateReceived' }]);
  });
  it('given an update that closed the task seconds ago, when the ERC sends it again, then it is answered as unchanged, not refused', () => {
    spec([e.received(), e.ercUpdate(raisedToB, 5), e.closed('escalated', 5)]).when(update(5, raisedToB)).then([]);
  });
});

describe('ERC updates: an urgency raised to A, B or C closes the task as escalated by the ERC', () => {
  it.each(['A', 'B', 'C'] as const)('given a waiting task, when the ERC raises it to %s, then it closes as escalated', (urgency) => {
    const state = spec([e.received()]).when(update(5, { kind: 'urgency-changed', urgency }))
      .then([{ type: 'ErcUpdateReceived' }, { type: 'DTaskClosed', data: { outcome: 'escalated' } }]);
    expect(state).toMatchObject({ status: 'closed', urgency, escalated: true, owner: undefined });
  });
  it('given a task a nurse holds, when the ERC raises it to B, then her hold ends with the task', () => {
    const state = spec([e.received(), e.claimed()]).when(update(5, raisedToB)).then([{ type: 'ErcUpdateReceived' }, { type: 'DTaskClosed' }]);
    expect(state.owner).toBeUndefined();
  });
  it('given a D unit on its way, when the ERC raises it to A, then it closes and its recalls end', () => {
    const state = spec(waitingForUnit()).when(update(20, { kind: 'urgency-changed', urgency: 'A' })).then([{ type: 'ErcUpdateReceived' }, { type: 'DTaskClosed' }]);
    expect(state.recalls.map((recall) => recall.done)).toEqual(['task-closed']);
  });
  it('given a waiting task, when the ERC changes it to D, then it is recorded only', () => {
    const state = spec([e.received()]).when(update(5, { kind: 'urgency-changed', urgency: 'D' })).then([{ type: 'ErcUpdateReceived' }]);
    expect(state).toMatchObject({ status: 'waiting', urgency: 'D', escalated: false });
  });
  it('given a task our nurse escalated to B, when the ERC changes it to D, then the urgency is not lowered', () => {
    const state = spec([...assessedTask(['chest-pain']), e.escalated('B'), e.unit('escalation', 6, 'B')]).when(update(9, { kind: 'urgency-changed', urgency: 'D' }))
      .then([{ type: 'ErcUpdateReceived' }]);
    expect(state.urgency).toBe('B');
  });
});

describe('an ERC escalation is final: every later command is refused as closed', () => {
  const erced = [e.received(), e.claimed(), e.callback('reached', 1), e.assessed(), e.ercUpdate(raisedToB, 6), e.closed('escalated', 6)];
  it.each([
    ['the nurse’s advice', { type: 'Decide' as const, at: at(7), actor: n1, decision: advice }],
    ['a supervisor’s claim', { type: 'Claim' as const, at: at(7), actor: supervisor }],
    ['a partner’s acceptance', { type: 'AcceptHandoff' as const, at: at(7), actor: partner('oulu-home-care') }],
    ['a mission update', { type: 'UpdateMission' as const, at: at(7), actor: erc, stage: 'on-scene' as const, unitId: 'OU-1' }],
  ])('given the ERC raised the task to B, when %s comes, then the task is closed', (_, command) => {
    spec(erced).when(command).thenRejects('task-closed');
  });
  it('given the ERC raised the task to B, when a refusal is given, then it says the ERC took it over', () => {
    expect(() => specification()(erced).when({ type: 'Claim', at: at(7), actor: n1 }).then([])).toThrow(/the ERC raised the task to B/);
  });
  it('given a closed task, when the ERC sends new information, then it is refused so the ERC learns it was not taken', () => {
    spec([...erced.slice(0, 4), e.closed('cancelled', 6)]).when(update(8, newNumber)).thenRejects('task-closed');
  });
});

import fc from 'fast-check';
import { DTaskCommand } from './commands';
import { createDTaskDecider } from './decider';
import { evolve, evolveInPlace } from './evolve';
import { DomainRejection } from './rejection';
import { DTaskState, initialState, TimedEvent } from './state';
import { at, erc, nurse, received } from '../testing/fixtures';
import { commandOf, deepFreeze, natural, nextInFlow, STARTS, startArb, stepArb } from '../testing/random-commands';

const decider = createDTaskDecider();

type Step = typeof stepArb extends fc.Arbitrary<infer S> ? S : never;

/** A task's history as the decider writes it: the intake, a start, then random steps (refused ones write nothing). */
function historyOf(start: string, steps: Step[]): TimedEvent[] {
  const history: TimedEvent[] = [];
  let state: DTaskState = decider.initialState;
  const send = (command: DTaskCommand) => {
    try {
      const events = decider.decide(command, state);
      for (const event of events) state = evolve(state, event);
      history.push(...events);
    } catch (error) {
      if (!(error instanceof DomainRejection)) throw error;
    }
  };
  send({ type: 'Intake', at: at(0), actor: erc, task: received() });
  let minute = 0;
  for (const input of STARTS[start]!) send({ ...input, at: at((minute += 1)), actor: natural[input.type] ?? nurse('nurse-1') } as DTaskCommand);
  for (const step of steps) {
    minute += step.minutes;
    const type = step.mode === 'flow' ? nextInFlow(state, step.payload) : step.payload.any;
    send({ ...commandOf(type, step.payload, state, minute), at: at(minute), actor: step.actor ?? natural[type] ?? nurse('nurse-1') } as DTaskCommand);
  }
  return history;
}

describe('evolveInPlace, for folds that own their states', () => {
  beforeAll(() => deepFreeze(initialState));

  it('gives the pure evolve’s state after every event of random histories, dropped events too, and changes no state but its own', () => {
    fc.assert(
      fc.property(startArb, fc.array(stepArb, { maxLength: 40, size: 'max' }), fc.array(fc.boolean(), { maxLength: 80 }), (start, steps, kept) => {
        const decided = historyOf(start, steps);
        // Also what no decider writes (a stream without its intake, an event missing): the board folds whatever `$all` holds.
        const thinned = decided.filter((_, i) => kept[i] ?? true);
        for (const history of [decided, thinned]) {
          let pure: DTaskState = initialState;
          let owned: DTaskState | undefined;
          for (const event of history) {
            // Frozen: a nested list or record changed in place, rather than replaced, would throw here.
            deepFreeze(event);
            pure = deepFreeze(evolve(pure, event));
            owned = evolveInPlace(owned, event);
            expect(owned).toEqual(pure);
            expect(owned).not.toBe(pure);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('keeps one object for a task across its events, and starts each task from its own copy', () => {
    const intake = decider.decide({ type: 'Intake', at: at(0), actor: erc, task: received() }, initialState);
    const first = evolveInPlace(undefined, intake[0]!);
    const claimed = evolveInPlace(first, decider.decide({ type: 'Claim', at: at(1), actor: nurse('nurse-1') }, first)[0]!);
    expect(claimed).toBe(first);
    expect(claimed).toMatchObject({ status: 'claimed', owner: 'nurse-1', revision: 1 });
    expect(evolveInPlace(undefined, intake[0]!)).not.toBe(first);
    expect(initialState.revision).toBe(-1);
  });
});

import fc from 'fast-check';
import { createDTaskDecider } from './decider';
import { evolve, evolveInPlace } from './evolve';
import { DTaskState, initialState } from './state';
import { at, erc, nurse, received } from '../testing/fixtures';
import { deepFreeze } from '../testing/random-commands';
import { historyArb, randomHistory } from '../testing/random-history';

const decider = createDTaskDecider();

describe('evolveInPlace, for folds that own their states', () => {
  beforeAll(() => deepFreeze(initialState));

  it('gives the pure evolve’s state after every event of random histories, dropped events too, and changes no state but its own', () => {
    fc.assert(
      fc.property(historyArb, fc.array(fc.boolean(), { maxLength: 80 }), (walk, kept) => {
        const decided = randomHistory(walk);
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

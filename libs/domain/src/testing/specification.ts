import { DTaskCommand } from '../dtask/commands';
import { createDTaskDecider, DTaskDecider } from '../dtask/decider';
import { DomainRejection, RejectionReason } from '../dtask/rejection';
import { DTaskState, TimedEvent } from '../dtask/state';
import { DEFAULT_SAFETY_RULES, SafetyRules } from '../safety-rules';

type Given = TimedEvent[];

/** `DeciderSpecification.for(decider)(given).when(command).then(events)` or `.thenRejects(reason)`. */
export const DeciderSpecification = {
  for: (decider: DTaskDecider) => (given: Given) => ({
    when(command: DTaskCommand) {
      const state: DTaskState = given.reduce(decider.evolve, decider.initialState);
      const run = () => decider.decide(command, state);
      return {
        /** Compares type and data; `expected` may leave data out or give part of it. Returns the state after. */
        then(expected: Partial<TimedEvent>[]) {
          const events = run();
          expect(events.map(({ type, data }) => ({ type, data }))).toEqual(expected.map((event) => expect.objectContaining(event)));
          return events.reduce(decider.evolve, state);
        },
        thenRejects(reason: RejectionReason) {
          let error: unknown;
          try {
            run();
          } catch (caught) {
            error = caught;
          }
          expect(error).toBeInstanceOf(DomainRejection);
          expect((error as DomainRejection).reason).toBe(reason);
        },
      };
    },
  }),
};

/** The same, for the DTask decider with the given safety limits. */
export function specification(rules: SafetyRules = DEFAULT_SAFETY_RULES) {
  return DeciderSpecification.for(createDTaskDecider(rules));
}

import { DTaskCommand } from '../dtask/commands';
import { createDTaskDecider } from '../dtask/decider';
import { DomainRejection, RejectionReason } from '../dtask/rejection';
import { DTaskState, TimedEvent } from '../dtask/state';
import { DEFAULT_SAFETY_RULES, SafetyRules } from '../safety-rules';

type Given = TimedEvent[];

/** `spec(given).when(command).then(events)` or `.thenRejects(reason)`, in the decider's own terms. */
export function specification(rules: SafetyRules = DEFAULT_SAFETY_RULES) {
  const decider = createDTaskDecider(rules);
  return (given: Given) => ({
    when(command: DTaskCommand) {
      const state: DTaskState = given.reduce(decider.evolve, decider.initialState);
      const run = () => decider.decide(command, state);
      return {
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
  });
}

import fc from 'fast-check';
import { DTaskCommand } from '../dtask/commands';
import { createDTaskDecider } from '../dtask/decider';
import { DomainRejection } from '../dtask/rejection';
import { DTaskState, TimedEvent } from '../dtask/state';
import { at, erc, nurse, received } from './fixtures';
import { commandOf, natural, nextInFlow, STARTS, startArb, stepArb } from './random-commands';

export type Step = typeof stepArb extends fc.Arbitrary<infer S> ? S : never;

/** Where a random history starts (STARTS) and the steps it takes from there. */
export const historyArb = fc.record({ start: startArb, steps: fc.array(stepArb, { maxLength: 40, size: 'max' }) });

const decider = createDTaskDecider();

/**
 * A task's history as the decider writes it: the intake of `task` at `fromMinute`, a start, then
 * the random steps; a refused command writes nothing. For specs of folds that must agree with evolve.
 */
export function randomHistory({ start, steps }: { start: string; steps: Step[] }, task = received(), fromMinute = 0): TimedEvent[] {
  const history: TimedEvent[] = [];
  let state: DTaskState = decider.initialState;
  const send = (command: DTaskCommand) => {
    try {
      const events = decider.decide(command, state);
      for (const event of events) state = decider.evolve(state, event);
      history.push(...events);
    } catch (error) {
      if (!(error instanceof DomainRejection)) throw error;
    }
  };
  let minute = fromMinute;
  send({ type: 'Intake', at: at(minute), actor: erc, task: { ...task, receivedAt: at(minute) } });
  for (const input of STARTS[start]!) send({ ...input, at: at((minute += 1)), actor: natural[input.type] ?? nurse('nurse-1') } as DTaskCommand);
  for (const step of steps) {
    minute += step.minutes;
    const type = step.mode === 'flow' ? nextInFlow(state, step.payload) : step.payload.any;
    send({ ...commandOf(type, step.payload, state, minute), at: at(minute), actor: step.actor ?? natural[type] ?? nurse('nurse-1') } as DTaskCommand);
  }
  return history;
}

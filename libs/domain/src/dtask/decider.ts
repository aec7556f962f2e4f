import { DEFAULT_SAFETY_RULES, SafetyRules } from '../safety-rules';
import { DTaskCommand } from './commands';
import { decide } from './decide';
import { evolve, evolveInPlace } from './evolve';
import { DTaskState, initialState, TimedEvent } from './state';

export interface DTaskDecider {
  decide(command: DTaskCommand, state: DTaskState): TimedEvent[];
  evolve(state: DTaskState, event: TimedEvent): DTaskState;
  initialState: DTaskState;
  /** The same fold as `evolve`, changing the given state: only for a read model that owns its states. */
  evolveInPlace(state: DTaskState | undefined, event: TimedEvent): DTaskState;
}

/** The decider trio, with the county's safety limits bound in. */
export function createDTaskDecider(rules: SafetyRules = DEFAULT_SAFETY_RULES): DTaskDecider {
  return { decide: (command, state) => decide(command, state, rules), evolve, initialState, evolveInPlace };
}

export function fold(events: TimedEvent[], state: DTaskState = initialState): DTaskState {
  return events.reduce(evolve, state);
}

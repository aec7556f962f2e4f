import { DomainRejection, DTaskCommand, DTaskDecider, DTaskState, TimedEvent } from '@dtask/domain';

export type Decision = { readonly events: TimedEvent[] } | { readonly rejection: DomainRejection };

/** The decider's answer as a value: its rejections are answers; anything else it throws is a fault. */
export function decideCommand(decider: DTaskDecider, command: DTaskCommand, state: DTaskState): Decision {
  try {
    return { events: decider.decide(command, state) };
  } catch (error) {
    if (error instanceof DomainRejection) return { rejection: error };
    throw error;
  }
}

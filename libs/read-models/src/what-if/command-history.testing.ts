import { DEFAULT_SAFETY_RULES, SafetyRules } from '@dtask/domain';
import { LiveHistory } from '../testing/live-history';
import { WhatIfReplay } from './what-if';

type CommandInput = Parameters<LiveHistory['run']>[2];

/**
 * A history for the what-if's specs whose events name their command as the service writes them:
 * each command its own causationId and, when `typed`, its type. Untyped is how events stood before
 * command identity: the causationId was the request's correlation id, one request one command.
 */
export class CommandHistory extends LiveHistory {
  private commands = 0;

  constructor(
    private readonly typed = true,
    rules: SafetyRules = DEFAULT_SAFETY_RULES,
  ) {
    super(rules);
  }

  override run(taskId: string, at: string, input: CommandInput): void {
    const first = this.events.length;
    super.run(taskId, at, input);
    this.commands += 1;
    const causationId = `00000000-0000-4000-8000-${this.commands.toString(16).padStart(12, '0')}`;
    for (const event of this.events.slice(first)) {
      Object.assign(event.metadata, { correlationId: causationId, causationId, ...(this.typed ? { commandType: input.type } : {}) });
    }
  }
}

/** A what-if over one day from `from`, under `actualRules` as configured and `changes` tried. */
export function whatIfOver(history: LiveHistory, from: number, changes: Partial<SafetyRules>, actualRules = DEFAULT_SAFETY_RULES) {
  const replay = new WhatIfReplay({ fromMs: from, toMs: from + 86_400_000, actualRules, whatIfRules: { ...actualRules, ...changes }, assumedMissionMinutes: 75 });
  for (const event of history.events) replay.apply(event);
  return { report: replay.report(), replay };
}

/** The ERC's intake of task `id` at `receivedAt`, for a patient of 70 known by `personId`, in Oulu. */
export const intakeOf = (id: string, receivedAt: string, personId: string) => ({
  type: 'Intake' as const,
  actor: { id: 'erc', role: 'erc' as const },
  task: {
    taskId: id, ercTaskId: `ERC-${id.slice(-4)}`, receivedAt, taskCode: '745', urgency: 'D' as const,
    municipality: 'Oulu', area: 'Oulu-Hailuoto', address: 'Isokatu 1', patient: { ageYears: 70, personId }, callbackPhone: '+358401234567',
  },
});

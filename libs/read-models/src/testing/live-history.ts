import {
  commandForDeadline,
  createDTaskDecider,
  deadlinesOf,
  POLICY_ACTOR,
  DEFAULT_SAFETY_RULES,
  DTaskCommand,
  DTaskDecider,
  DTaskState,
  SafetyRules,
} from '@dtask/domain';
import { currentSchemaVersion, dtaskStreamId, DTaskEventType } from '@dtask/events';
import { FoldEvent } from '../fold-event';
import { PatientIndex } from '../privacy/patient-index';

type CommandInput = DTaskCommand extends infer C ? (C extends unknown ? Omit<C, 'at'> : never) : never;

/**
 * A history written the way the live service writes it, for specs: commands decided by the real
 * decider, S4 and the patient's open task looked up at intake in the one patient index, and a
 * scheduler that fires due deadlines a little late.
 */
export class LiveHistory {
  readonly events: FoldEvent[] = [];
  private readonly decider: DTaskDecider;
  private readonly states = new Map<string, DTaskState>();
  private readonly patients = new PatientIndex();

  constructor(private readonly rules: SafetyRules = DEFAULT_SAFETY_RULES) {
    this.decider = createDTaskDecider(rules);
  }

  /** Runs a command at `at`; a rejection throws, as it would answer 409. */
  run(taskId: string, at: string, input: CommandInput): void {
    const command = { ...input, at } as DTaskCommand;
    if (command.type === 'Intake') {
      const patient = this.patients.refOf(command.task.patient.personId, command.task.callbackPhone);
      const previous = patient === undefined ? undefined : this.patients.lastNoUnitDecisionOfPatient(patient);
      if (previous) command.secondContactOf = previous;
      const open = patient === undefined ? [] : this.patients.tasksOf(patient).filter((other) => this.states.get(other)?.status !== 'closed');
      if (open.length > 0) command.openTaskOf = { openTaskId: open[open.length - 1]! };
    }
    const state = this.states.get(taskId) ?? this.decider.initialState;
    let next = state;
    for (const event of this.decider.decide(command, state)) {
      next = this.decider.evolve(next, event);
      const recorded: FoldEvent = {
        position: String(this.events.length + 1),
        streamId: dtaskStreamId(taskId),
        type: event.type,
        data: event.data as unknown as Record<string, unknown>,
        metadata: { occurredAt: event.at, actor: { id: command.actor.id, role: command.actor.role }, schemaVersion: currentSchemaVersion(event.type as DTaskEventType) },
      };
      this.events.push(recorded);
      this.patients.apply(recorded);
    }
    this.states.set(taskId, next);
  }

  /** The scheduler's tick at `at`: every deadline due by then fires now, as the live one does. */
  tick(at: string): void {
    for (const [taskId, state] of this.states) {
      for (const deadline of deadlinesOf(state, this.rules).sort((a, b) => a.dueAt.localeCompare(b.dueAt))) {
        const type = commandForDeadline(deadline.kind);
        if (!type || deadline.dueAt > at) continue;
        try {
          this.run(taskId, at, { type, actor: POLICY_ACTOR });
        } catch {
          // Another deadline of this tick already settled it, as in the live scheduler.
        }
      }
    }
  }
}

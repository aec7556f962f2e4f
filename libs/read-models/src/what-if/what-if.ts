import {
  commandForDeadline,
  createDTaskDecider,
  DeadlineKind,
  deadlinesOf,
  DomainRejection,
  DTaskCommand,
  DTaskDecider,
  DTaskState,
  POLICY_ACTOR,
  SafetyRules,
  TimedEvent,
} from '@dtask/domain';
import { FoldEvent, taskIdOf } from '../fold-event';
import { measure, Measures } from '../measures/load-reduction';
import { TaskFacts, TaskFactsFold } from '../measures/task-facts';
import { lookUpIntake } from './intake-look-ups';
import { CommandCollector, CommandMetadata, RecordedEvents, recordedCommand, timedEvents } from './recorded-history';
import { RuleFirings, RuleFiringsFold } from './rule-firings';

/** The limits a what-if may change; the rest of SafetyRules stays as configured. */
export const WHAT_IF_LIMITS = [
  's1FailedAttempts',
  's1MinutesAfterFirstFailure',
  's2AlertMinutes',
  's2DispatchMinutes',
  's4SecondContactHours',
  's6HandoffMinutes',
  's8RecallMinutes',
  's8UnitOverdueMinutes',
  's8RecallFailedAttempts',
  'handoffVisitHours',
] as const;
export type WhatIfLimit = (typeof WHAT_IF_LIMITS)[number];

/** The limit each scheduled deadline is timed by. */
const LIMIT_OF_DEADLINE: Partial<Record<DeadlineKind, WhatIfLimit>> = {
  's1-unreachable': 's1MinutesAfterFirstFailure',
  's2-alert': 's2AlertMinutes',
  's2-dispatch': 's2DispatchMinutes',
  's6-handoff': 's6HandoffMinutes',
  's8-unit-overdue': 's8UnitOverdueMinutes',
  'handoff-visit-overdue': 'handoffVisitHours',
};

export interface WhatIfSide {
  rules: SafetyRules;
  firings: RuleFirings;
  measures: Measures;
}

export interface WhatIfReport {
  from: string;
  to: string;
  events: number;
  actual: WhatIfSide;
  whatIf: WhatIfSide;
  /** Tasks whose decision, automatic dispatch or closing outcome differs. */
  tasksChanged: number;
  /** Recorded actions the tried rules would have refused, by the decider's reason. */
  actionsRefused: Record<string, number>;
}

export interface WhatIfOptions {
  fromMs: number;
  toMs: number;
  actualRules: SafetyRules;
  whatIfRules: SafetyRules;
  assumedMissionMinutes: number;
  /** The county's contact target for the share within it (MeasureOptions); the default if not told. */
  contactTargetMinutes?: number;
  /**
   * How far the recorded history reaches: deadlines of changed limits due by then fire. The live
   * service passes its clock (everything due by now has fired in reality too); by default the
   * last recorded event.
   */
  horizonMs?: number;
}

/** A closed task takes no further commands; its state need not be kept. */
const CLOSED = Symbol('closed');

/**
 * Decides the recorded history again under other safety limits, never writing anywhere.
 *
 * People's actions are replayed as the commands they were, at their recorded times; the decider
 * applies the tried limits (S1's attempt count, S4's window, S6's deadline) and refuses what they
 * forbid, e.g. a nurse's advice after the tried S2 has already sent a unit. A scheduled deadline
 * whose limit is unchanged fires exactly when the live scheduler fired it; one whose limit changed
 * fires at its own due time, up to the end of the recorded history. The default limits therefore
 * reproduce what happened exactly.
 */
export class WhatIfReplay {
  private readonly decider: DTaskDecider;
  private readonly changedLimits: Set<WhatIfLimit>;
  /** Whether any scheduled deadline's limit changed; if none did, no deadline needs working out per event. */
  private readonly deadlinesMoved: boolean;
  private readonly states = new Map<string, DTaskState | typeof CLOSED>();
  private readonly commands = new CommandCollector();
  private readonly actualFacts = new TaskFactsFold();
  private readonly whatIfFacts = new TaskFactsFold();
  private readonly actualFirings = new RuleFiringsFold();
  private readonly whatIfFirings = new RuleFiringsFold();
  private readonly refused: Record<string, number> = {};
  private horizon = '';
  private events = 0;

  constructor(private readonly options: WhatIfOptions) {
    this.decider = createDTaskDecider(options.whatIfRules);
    this.changedLimits = new Set(WHAT_IF_LIMITS.filter((limit) => options.actualRules[limit] !== options.whatIfRules[limit]));
    this.deadlinesMoved = Object.values(LIMIT_OF_DEADLINE).some((limit) => this.changedLimits.has(limit));
  }

  apply(stored: FoldEvent): void {
    this.events += 1;
    this.actualFacts.apply(stored);
    this.actualFirings.apply(stored);
    const taskId = taskIdOf(stored);
    if (taskId === undefined) return;
    const at = stored.metadata.occurredAt;
    if (at > this.horizon) this.horizon = at;
    const done = this.commands.add(taskId, stored);
    if (done) this.decideRecorded(done);
  }

  /** A recorded command decided again, once all its events are in. */
  private decideRecorded({ streamId, taskId, events: stored }: RecordedEvents): void {
    const state = this.states.get(taskId);
    if (state === CLOSED) return this.refuse('task-closed');
    const events = timedEvents({ streamId, taskId, events: stored });
    const event = events[0]!;
    if (state) this.fireChangedDeadlines(streamId, taskId, state, event.at);
    const recorded = recordedCommand(events, stored[0]!.metadata as unknown as CommandMetadata);
    if (recorded?.kind === 'policy') {
      // An unchanged limit fires when the live scheduler fired it; a changed one fired on its own time.
      if (this.changedLimits.has(LIMIT_OF_DEADLINE[recorded.deadline]!)) return;
      const current = this.states.get(taskId);
      if (current && current !== CLOSED && deadlinesOf(current, this.options.whatIfRules).some((d) => d.kind === recorded.deadline)) {
        this.decideAndApply(streamId, taskId, { type: commandForDeadline(recorded.deadline)!, at: event.at, actor: POLICY_ACTOR });
      }
      return;
    }
    if (!recorded) return;
    const command = recorded.command;
    if (command.type === 'Intake') lookUpIntake(command, this.whatIfFacts.patients, (other) => this.isOpen(other));
    this.decideAndApply(streamId, taskId, command);
  }

  private isOpen(taskId: string): boolean {
    const state = this.states.get(taskId);
    return state !== undefined && state !== CLOSED;
  }

  /** Fires what is still due by the end of the recorded history, then reports tasks received in the window. */
  report(): WhatIfReport {
    const last = this.commands.end();
    if (last) this.decideRecorded(last);
    const horizon = this.options.horizonMs === undefined ? this.horizon : new Date(this.options.horizonMs).toISOString();
    for (const [taskId, state] of this.states) {
      if (state !== CLOSED) this.fireChangedDeadlines(`dtask-${taskId}`, taskId, state, horizon, true);
    }
    const { fromMs, toMs, assumedMissionMinutes, contactTargetMinutes } = this.options;
    // A recall still pending counts as due by the last recorded event: the same for the service and the CLI.
    const measureOptions = {
      assumedMissionMinutes,
      windowDays: (toMs - fromMs) / 86_400_000,
      ...(contactTargetMinutes === undefined ? {} : { contactTargetMinutes }),
      ...(this.horizon ? { asOfMs: Date.parse(this.horizon) } : {}),
    };
    const actualTasks = this.actualFacts.receivedBetween(fromMs, toMs);
    const whatIfTasks = this.whatIfFacts.receivedBetween(fromMs, toMs);
    return {
      from: new Date(fromMs).toISOString(),
      to: new Date(toMs).toISOString(),
      events: this.events,
      actual: { rules: this.options.actualRules, firings: this.actualFirings.count(actualTasks), measures: measure(actualTasks, measureOptions) },
      whatIf: { rules: this.options.whatIfRules, firings: this.whatIfFirings.count(whatIfTasks), measures: measure(whatIfTasks, measureOptions) },
      tasksChanged: this.changes().length,
      actionsRefused: { ...this.refused },
    };
  }

  /** Tasks whose outcome differs, each outcome in a word: for specs and the CLI's details. */
  changes(): { taskId: string; actual: string; whatIf: string }[] {
    const changes: { taskId: string; actual: string; whatIf: string }[] = [];
    for (const task of this.actualFacts.receivedBetween(this.options.fromMs, this.options.toMs)) {
      const other = this.whatIfFacts.tasks.get(task.taskId);
      if (other && outcomeOf(other) === outcomeOf(task)) continue;
      changes.push({ taskId: task.taskId, actual: outcomeOf(task), whatIf: other ? outcomeOf(other) : 'refused at intake' });
    }
    return changes;
  }

  /** When the task was decided under the tried limits, if it was. */
  decisionTimeOf(taskId: string): string | undefined {
    const decided = this.whatIfFacts.tasks.get(taskId)?.decidedAtMs;
    return decided === undefined ? undefined : new Date(decided).toISOString();
  }

  /** Deadlines timed by a changed limit fire at their own due time: before `untilIso`, or up to it at the end. */
  private fireChangedDeadlines(streamId: string, taskId: string, from: DTaskState, untilIso: string, inclusive = false): void {
    if (!this.deadlinesMoved) return;
    let state: DTaskState | typeof CLOSED | undefined = from;
    const fired = new Set<string>();
    while (state && state !== CLOSED) {
      const due = deadlinesOf(state, this.options.whatIfRules)
        .filter((deadline) => {
          const limit = LIMIT_OF_DEADLINE[deadline.kind];
          return limit !== undefined && this.changedLimits.has(limit) && !fired.has(`${deadline.kind}@${deadline.dueAt}`);
        })
        .filter((deadline) => (inclusive ? deadline.dueAt <= untilIso : deadline.dueAt < untilIso))
        .sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
      if (!due) return;
      fired.add(`${due.kind}@${due.dueAt}`);
      this.decideAndApply(streamId, taskId, { type: commandForDeadline(due.kind)!, at: due.dueAt, actor: POLICY_ACTOR });
      state = this.states.get(taskId);
    }
  }

  private decideAndApply(streamId: string, taskId: string, command: DTaskCommand): void {
    const current = this.states.get(taskId);
    const state = current === undefined || current === CLOSED ? this.decider.initialState : current;
    let events: TimedEvent[];
    try {
      events = this.decider.decide(command, state);
    } catch (error) {
      if (error instanceof DomainRejection) return this.refuse(error.reason);
      throw error;
    }
    let next = state;
    for (const event of events) {
      next = this.decider.evolve(next, event);
      const folded: FoldEvent = { position: '', streamId, type: event.type, data: event.data as unknown as Record<string, unknown>, metadata: { occurredAt: event.at, actor: command.actor } };
      this.whatIfFacts.apply(folded);
      this.whatIfFirings.apply(folded);
    }
    this.states.set(taskId, next.status === 'closed' ? CLOSED : next);
  }

  private refuse(reason: string): void {
    this.refused[reason] = (this.refused[reason] ?? 0) + 1;
  }
}


function outcomeOf(task: TaskFacts): string {
  if (task.cancelled) return 'cancelled';
  if (!task.decision) return 'undecided';
  return task.autoDispatch ? `${task.decision} (${task.autoDispatch})` : task.decision;
}

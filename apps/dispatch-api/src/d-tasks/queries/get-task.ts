import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DTaskDecider, toTimedEvent } from '@dtask/domain';
import { ConsultView, dtaskStreamId, readStoredEvent, StoredEvent } from '@dtask/events';
import { EventStore } from '@dtask/event-store';
import { AccessLog } from '../../audit/access-log';
import { Actor } from '../../auth/actor';
import { Clock } from '../../clock/clock';
import { EVENT_STORE } from '../../event-store/event-store.module';
import { TaskFactsReadModel } from '../../reports/task-facts.read-model';
import { TaskNotFoundError } from '../../http/error.filter';
import { DTASK_DECIDER } from '../dtask-decider.provider';
import { TaskBoard } from '../task-board.read-model';
import { taskView } from '../task-view';

export class GetTaskQuery {
  constructor(
    readonly taskId: string,
    readonly actor: Actor,
    readonly correlationId: string,
    /** The console's opening of the task's panel: its refreshes are one logged read. */
    readonly openingId?: string,
  ) {}
}

/** The task with its whole history, straight from its stream. The read is logged first (S7). */
@QueryHandler(GetTaskQuery)
export class GetTaskHandler implements IQueryHandler<GetTaskQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DTASK_DECIDER) private readonly decider: DTaskDecider,
    private readonly accessLog: AccessLog,
    private readonly facts: TaskFactsReadModel,
    private readonly clock: Clock,
    private readonly board: TaskBoard,
  ) {}

  async execute({ taskId, actor, correlationId, openingId }: GetTaskQuery) {
    const recorded = await this.store.readStream(dtaskStreamId(taskId));
    if (recorded.length === 0) throw new TaskNotFoundError(taskId);
    if (openingId) await this.accessLog.personalDataReadInOpening(actor, taskId, 'task-detail', correlationId, openingId);
    else await this.accessLog.personalDataRead(actor, taskId, 'task-detail', correlationId);
    // Upcast once, at the read boundary: the history shows the data as folded, labelled with its version.
    const history = recorded.map(readStoredEvent);
    const state = history.reduce(
      (folded, event) => this.decider.evolve(folded, toTimedEvent(event.type, event.data, event.metadata)),
      this.decider.initialState,
    );
    const intake = history[0]?.type === 'DTaskReceived' ? (history[0].data as { callbackPhone: string; address: string }) : undefined;
    return {
      ...taskView(taskId, state, this.clock.now().toISOString()),
      linkedTasks: [...new Set([...state.linkedTaskIds, ...this.board.openTasksLinkedTo(taskId)])],
      // The number to call and the address as they stand now: the ERC may have changed them since the intake.
      callbackPhone: state.callbackPhone ?? intake?.callbackPhone ?? null,
      address: state.address ?? intake?.address ?? null,
      // The consults with their question and advice (free text, so only in this logged read).
      consults: consultsOf(history),
      patientContacts: this.patientContacts(taskId),
      // The header's counts, whole: the list above stops at 20.
      patientContactCounts: this.facts.contactsOfPatient(taskId, this.clock.now().getTime()),
      history: history.map(({ position, revision, type, data, metadata }) => ({ position, revision, type, data, metadata })),
    };
  }

  /** The same patient's other tasks of the last 30 days (and any later one), newest first. */
  private patientContacts(taskId: string) {
    const self = this.facts.otherTasksOfPatient(taskId);
    const since = this.clock.now().getTime() - CONTACT_WINDOW_DAYS * 86_400_000;
    return self
      .filter((other) => other.receivedAtMs >= since)
      .slice(0, 20)
      .map((other) => ({
        taskId: other.taskId,
        receivedAt: new Date(other.receivedAtMs).toISOString(),
        taskCode: other.taskCode,
        decision: other.decision ?? null,
        unitRequested: other.unitRequested,
        closedOutcome: other.closedOutcome ?? null,
      }));
  }
}

const CONTACT_WINDOW_DAYS = 30;

function consultsOf(history: readonly StoredEvent[]): ConsultView[] {
  return history.flatMap((event) => {
    if (event.type !== 'ConsultRecorded') return [];
    const { consultId, consultant, question, advice } = event.data as ConsultView;
    return [{ consultId, consultant, at: (event.metadata as { occurredAt: string }).occurredAt, question, advice }];
  });
}

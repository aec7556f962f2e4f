import { OpenTaskOf, SecondContactOf, TimedEvent } from '@dtask/domain';
import { PatientIndex } from '@dtask/read-models';

interface Pending {
  streamId: string;
  event: TimedEvent;
  /** Insertion order: events at one instant are taken in the order they were written. */
  seq: number;
}

const before = (a: Pending, b: Pending) => (a.event.at < b.event.at ? true : a.event.at > b.event.at ? false : a.seq < b.seq);

/**
 * What the service knows of each patient at an intake: the one patient index (S4's previous
 * contact, as the task board and the what-if read it) fed with every event written before that
 * moment, and which of the patient's tasks are still open (`duplicate-open`). A task's life is
 * generated whole, so its later events wait here, in time order, until the clock reaches them.
 */
export class PatientTimeline {
  private readonly index = new PatientIndex();
  /** A binary min-heap by time. */
  private readonly heap: Pending[] = [];
  private seq = 0;
  private readonly closedAt = new Map<string, string>();

  /** A task's whole life, in its own time order. */
  add(streamId: string, taskId: string, events: readonly TimedEvent[]): void {
    for (const event of events) {
      if (event.type === 'DTaskClosed') this.closedAt.set(taskId, event.at);
      this.push({ streamId, event, seq: this.seq++ });
    }
  }

  /** The intake's look-ups at `atIso`, from what was written up to then. */
  atIntake(personId: string | undefined, callbackPhone: string, atIso: string): { secondContactOf?: SecondContactOf; openTaskOf?: OpenTaskOf } {
    while (this.heap.length > 0 && this.heap[0]!.event.at <= atIso) {
      const { streamId, event } = this.pop();
      this.index.apply({ position: '', streamId, type: event.type, data: event.data as unknown as Record<string, unknown>, metadata: { occurredAt: event.at } });
    }
    const secondContactOf = this.index.lastNoUnitDecisionOf(personId, callbackPhone);
    const patient = this.index.refOf(personId, callbackPhone);
    const tasks = patient === undefined ? [] : this.index.tasksOf(patient);
    // The index holds only the tasks received by now; open is not yet closed by now.
    const open = [...tasks].reverse().find((taskId) => {
      const closedAt = this.closedAt.get(taskId);
      return closedAt === undefined || closedAt > atIso;
    });
    return { ...(secondContactOf ? { secondContactOf } : {}), ...(open ? { openTaskOf: { openTaskId: open } } : {}) };
  }

  private push(item: Pending): void {
    const heap = this.heap;
    heap.push(item);
    for (let i = heap.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  private pop(): Pending {
    const heap = this.heap;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      for (let i = 0; ; ) {
        const left = 2 * i + 1;
        const right = left + 1;
        let least = i;
        if (left < heap.length && before(heap[left]!, heap[least]!)) least = left;
        if (right < heap.length && before(heap[right]!, heap[least]!)) least = right;
        if (least === i) break;
        [heap[i], heap[least]] = [heap[least]!, heap[i]!];
        i = least;
      }
    }
    return top;
  }
}

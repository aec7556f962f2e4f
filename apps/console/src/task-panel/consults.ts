import type { HistoryEvent } from '../api';

/** A consult as the task's history records it (`ConsultRecorded`, contract v1.1). */
export interface RecordedConsult {
  consultId: string;
  consultant: string;
  question: string;
  advice: string;
  at: string;
  nurse: string;
}

/** The task's consults, oldest first, read from its own history: the one place they are told. */
export function consultsOf(history: readonly HistoryEvent[]): RecordedConsult[] {
  return history
    .filter((event) => event.type === 'ConsultRecorded')
    .map((event) => ({
      consultId: String(event.data.consultId),
      consultant: String(event.data.consultant),
      question: String(event.data.question ?? ''),
      advice: String(event.data.advice ?? ''),
      at: event.metadata.occurredAt,
      nurse: event.metadata.actor.id,
    }));
}

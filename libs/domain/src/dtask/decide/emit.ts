import { DTaskEvent, EventData, Urgency } from '@dtask/events';

/** The events a command decides, before `decide` stamps them with the command's time. */
export type Emit = DTaskEvent[];

const MINUTE_MS = 60_000;
export const minutesBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / MINUTE_MS;
export const addMinutes = (at: string, minutes: number) => new Date(Date.parse(at) + minutes * MINUTE_MS).toISOString();

export const closed = (outcome: EventData<'DTaskClosed'>['outcome']): DTaskEvent => ({ type: 'DTaskClosed', data: { outcome } });

const URGENCY_ORDER: Record<Urgency, number> = { A: 0, B: 1, C: 2, D: 3 };
export const isMoreUrgent = (candidate: Urgency, current: Urgency) => URGENCY_ORDER[candidate] < URGENCY_ORDER[current];
export const isAtLeastAsUrgent = (candidate: Urgency, current: Urgency) => URGENCY_ORDER[candidate] <= URGENCY_ORDER[current];

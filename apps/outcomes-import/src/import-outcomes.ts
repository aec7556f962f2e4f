import { nameBasedUuid } from '@dtask/dtask-service';
import { EventStore, EventToAppend, WrongExpectedRevisionError } from '@dtask/event-store';
import { EventActor, makeMetadata, OUTCOME_RECORDED, OUTCOME_SCHEMA_VERSION, outcomeStreamId, OutcomeRecorded } from '@dtask/events';
import { randomUUID } from 'node:crypto';
import { OutcomeRow } from './outcome-csv';

/** Namespace of outcome event ids (a fixed random UUID): an outcome's id is a function of its row. */
const OUTCOME_NAMESPACE = Buffer.from('6f1c2a9e83d44b0c9a5e7d21c4b8f306', 'hex');

/** A concurrent import of the same patient's outcomes: re-read and try again this often. */
const ATTEMPTS = 3;
/** Streams appended at once: the embedded store commits them together. */
const PARALLEL = 64;

export interface ImportResult {
  rows: number;
  written: number;
  /** Rows whose outcome was stored already (an earlier import, or the same row twice in the file). */
  alreadyStored: number;
  patients: number;
}

/**
 * The same outcome (patient, kind, time) always gets the same event id, whatever the file, its
 * line or its note: re-importing a file, or a later file that repeats its rows, writes nothing new.
 */
export function outcomeEventId(outcome: OutcomeRecorded): string {
  return nameBasedUuid(OUTCOME_NAMESPACE, JSON.stringify([outcome.patientRef, outcome.kind, outcome.at]));
}

/**
 * Appends each patient's new outcomes to the patient's own outcome stream, with the stream's
 * expected revision; outcomes already in the stream are left out. The rows were validated whole
 * before (parseOutcomeCsv), so a file with an error writes nothing.
 */
export async function importOutcomes(store: EventStore, rows: readonly OutcomeRow[], actor: EventActor, options: { nowIso: string; source: string }): Promise<ImportResult> {
  const correlationId = randomUUID();
  const byPatient = new Map<string, EventToAppend[]>();
  const ids = new Set<string>();
  for (const { line, outcome } of rows) {
    const eventId = outcomeEventId(outcome);
    if (ids.has(eventId)) continue;
    ids.add(eventId);
    const metadata = makeMetadata(
      { actor, occurredAt: options.nowIso, eventId, correlationId, commandType: 'ImportOutcomes', reason: `${options.source} line ${line}` },
      OUTCOME_SCHEMA_VERSION,
    );
    const events = byPatient.get(outcome.patientRef) ?? [];
    events.push({ eventId, type: OUTCOME_RECORDED, data: outcome, metadata });
    byPatient.set(outcome.patientRef, events);
  }
  let written = 0;
  const streams = [...byPatient];
  for (let i = 0; i < streams.length; i += PARALLEL) {
    const counts = await Promise.all(streams.slice(i, i + PARALLEL).map(([patientRef, events]) => appendNew(store, outcomeStreamId(patientRef), events)));
    for (const count of counts) written += count;
  }
  return { rows: rows.length, written, alreadyStored: rows.length - written, patients: byPatient.size };
}

/** Appends the events the stream does not hold yet; how many it wrote. */
async function appendNew(store: EventStore, streamId: string, events: EventToAppend[]): Promise<number> {
  for (let attempt = 1; ; attempt += 1) {
    const stored = await store.readStream(streamId);
    const known = new Set(stored.map((event) => event.eventId));
    const fresh = events.filter((event) => !known.has(event.eventId));
    if (fresh.length === 0) return 0;
    try {
      await store.append(streamId, fresh, { expectedRevision: stored.length === 0 ? 'no-stream' : stored[stored.length - 1]!.revision });
      return fresh.length;
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError) || attempt >= ATTEMPTS) throw error;
    }
  }
}

import { EventData, IntakeBody } from '@dtask/events';

/** Set by the service, not sent by the ERC: never compared. */
const DERIVED_FIELDS: ReadonlySet<string> = new Set(['taskId', 'area', 'ercReceivedAt', 'receivedAtCorrected']);

/** The body's fields that differ from the recorded intake, by name (`patient.personId`); never values. */
export function differingFields(body: IntakeBody, recorded: EventData<'DTaskReceived'>): string[] {
  const sent = body as unknown as Record<string, unknown>;
  const kept = recorded as unknown as Record<string, unknown>;
  const fields: string[] = [];
  for (const key of keysOf(sent, kept)) {
    if (DERIVED_FIELDS.has(key)) continue;
    if (key === 'receivedAt') {
      // The ERC's own time as it sent it, compared as an instant (the same moment may be written with another offset).
      if (!sameValue(instant(body.receivedAt), instant(recorded.ercReceivedAt ?? recorded.receivedAt))) fields.push(key);
    } else if (key === 'patient') {
      const sentPatient = (sent.patient ?? {}) as Record<string, unknown>;
      const keptPatient = (kept.patient ?? {}) as Record<string, unknown>;
      for (const field of keysOf(sentPatient, keptPatient)) if (!sameValue(sentPatient[field], keptPatient[field])) fields.push(`patient.${field}`);
    } else if (!sameValue(sent[key], kept[key])) {
      fields.push(key);
    }
  }
  return fields;
}

const keysOf = (a: Record<string, unknown>, b: Record<string, unknown>) => [...new Set([...Object.keys(a), ...Object.keys(b)])];

const instant = (value: string) => {
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : value;
};

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if (!sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  return true;
}

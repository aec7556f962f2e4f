import { ClassTree } from '@dtask/events';

/** What a view shows of a staff id: the analysts' staff pseudonym, or the id (the system is no person). */
export type StaffView = (id: string) => string;

/**
 * A record as someone who must not see personal data sees it, derived from the classification
 * beside its schema: only classified fields, safe ones as they are, staff ids as `staff` shows
 * them; free text, personal data and any field no one classified are left out.
 */
export function classifiedView(record: Record<string, unknown>, fields: ClassTree, staff: StaffView): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  for (const field in fields) {
    const value = record[field];
    const fieldClass = fields[field]!;
    if (value === undefined) continue;
    if (fieldClass === 'safe') view[field] = value;
    else if (fieldClass === 'staff' && typeof value === 'string') view[field] = staff(value);
    else if (typeof fieldClass === 'object' && isRecord(value)) view[field] = classifiedView(value, fieldClass, staff);
  }
  return view;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

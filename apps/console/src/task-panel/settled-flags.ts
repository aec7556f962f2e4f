/**
 * The flags a unit on its way answers: what called for acting now (no contact, not reached, a red
 * flag, an escalation, no advice allowed) is done once the unit is sent. A repeat call, an overdue
 * unit or failed recalls still call for acting now, and keep their colour.
 */
const ANSWERED_BY_A_UNIT = new Set(['s2-alert', 'unreachable', 'red-flags', 'escalated', 'second-contact', 'identity-unverified', 'handoff-returned']);

/** The flags split into those still calling to act now and those a unit on its way has answered. */
export function flagsWithUnit(flags: readonly string[], unitOnItsWay: boolean): { urgent: string[]; answered: string[] } {
  if (!unitOnItsWay) return { urgent: [...flags], answered: [] };
  return { urgent: flags.filter((flag) => !ANSWERED_BY_A_UNIT.has(flag)), answered: flags.filter((flag) => ANSWERED_BY_A_UNIT.has(flag)) };
}

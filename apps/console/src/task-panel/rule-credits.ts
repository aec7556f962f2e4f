/**
 * The safety rule that wrote an event on its own: inside a nurse's command (S1's unit on her second
 * failed call, S8's welfare recall with a D unit) or the scheduler's (S2, S6, S8). The history names
 * the rule, never the nurse whose command carried it nor only "a safety rule".
 */
const RULE_OF: Record<string, string | ((data: Record<string, unknown>) => string | undefined)> = {
  UnitRequested: (data) => ({ unreachable: 'S1', 'waiting-limit': 'S2' })[String(data.reason)],
  WaitingLimitReached: 'S2',
  SecondContactFlagged: 'S4',
  HandoffTimedOut: 'S6',
  // The nurse books her own recalls as `nurse` and an advice's follow-up as `follow-up`; `waiting-for-unit` is S8's.
  RecallScheduled: (data) => (data.reason === 'waiting-for-unit' ? 'S8' : undefined),
  UnitUrgencyRaised: (data) => (data.reason === 'recalls-failed' ? 'S8' : undefined),
  UnitOverdue: 'S8',
  // The visit limit (v1.1) has no S number: it is named in words (`rule.visit-limit`).
  HandoffVisitOverdue: 'visit-limit',
};

/** The rule (`S1`…`S8`, `visit-limit`) that wrote this event, or undefined for a person's own act. */
export function ruleOf(event: { type: string; data: Record<string, unknown> }): string | undefined {
  const rule = RULE_OF[event.type];
  return typeof rule === 'function' ? rule(event.data) : rule;
}

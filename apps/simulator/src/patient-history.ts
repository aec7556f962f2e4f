import { SecondContactOf, TimedEvent } from '@dtask/domain';

interface NoUnitDecision extends SecondContactOf {
  /** When a unit was sent after all (the follow-up went unanswered): from then on it no longer counts. */
  undoneAt?: string;
}

/**
 * Each patient's no-unit decisions, for S4 at intake, kept as the live task board keeps them: the
 * latest one counts, unless a unit was sent for that task afterwards.
 */
export class PatientHistory {
  private readonly decisions = new Map<string, NoUnitDecision[]>();

  lastNoUnitDecision(patient: string, atIso: string): SecondContactOf | undefined {
    let latest: NoUnitDecision | undefined;
    for (const decision of this.decisions.get(patient) ?? []) {
      if (decision.previousDecidedAt <= atIso && (!latest || decision.previousDecidedAt >= latest.previousDecidedAt)) latest = decision;
    }
    if (!latest || (latest.undoneAt !== undefined && latest.undoneAt <= atIso)) return undefined;
    return { previousTaskId: latest.previousTaskId, previousDecision: latest.previousDecision, previousDecidedAt: latest.previousDecidedAt };
  }

  noted(patient: string, taskId: string, event: TimedEvent): void {
    if (event.type === 'PhoneAdviceGiven' || event.type === 'RedirectRequested') {
      const decisions = this.decisions.get(patient) ?? this.decisions.set(patient, []).get(patient)!;
      decisions.push({ previousTaskId: taskId, previousDecision: event.type === 'PhoneAdviceGiven' ? 'phone-advice' : 'redirect', previousDecidedAt: event.at });
    }
    if (event.type === 'UnitRequested') {
      const last = this.decisions.get(patient)?.at(-1);
      if (last?.previousTaskId === taskId) last.undoneAt ??= event.at;
    }
  }
}

import { OUTCOME_RECORDED, OUTCOME_STREAM_PREFIX, OutcomeKind } from '@dtask/events';
import { FoldEvent } from '../fold-event';

/** One outcome of a patient, as the linkage reads it. */
export interface PatientOutcome {
  kind: OutcomeKind;
  atMs: number;
}

interface SavedOutcomes {
  outcomes: [string, PatientOutcome[]][];
}

/**
 * The imported outcomes (libs/events outcomes.ts), by patient pseudonym, folded from `$all`: only
 * the outcome streams, so the D-task folds and this one never read each other's events. Each
 * patient's outcomes are kept in time order, whatever order the warehouse's rows came in.
 */
export class OutcomeFold {
  private readonly byPatient = new Map<string, PatientOutcome[]>();
  private count = 0;
  private latestMs: number | undefined;

  apply(event: FoldEvent): void {
    if (event.type !== OUTCOME_RECORDED || !event.streamId.startsWith(OUTCOME_STREAM_PREFIX)) return;
    const { patientRef, kind, at } = event.data as { patientRef?: unknown; kind?: unknown; at?: unknown };
    const atMs = Date.parse(String(at));
    if (typeof patientRef !== 'string' || !Number.isFinite(atMs)) return;
    this.add(patientRef, { kind: kind as OutcomeKind, atMs });
  }

  /** The patient's outcomes, oldest first. */
  of(patientRef: string): readonly PatientOutcome[] {
    return this.byPatient.get(patientRef) ?? [];
  }

  /** How many outcomes are held, and the time of the latest: how far the warehouse's data reaches. */
  extent(): { outcomes: number; latestAt: string | null } {
    return { outcomes: this.count, latestAt: this.latestMs === undefined ? null : new Date(this.latestMs).toISOString() };
  }

  saveState(): SavedOutcomes {
    return { outcomes: [...this.byPatient] };
  }

  /** Replaces the whole fold; a state it cannot take leaves it empty. */
  loadState(saved: unknown): void {
    this.reset();
    try {
      for (const [patientRef, outcomes] of (saved as SavedOutcomes).outcomes) for (const outcome of outcomes) this.add(patientRef, outcome);
    } catch (error) {
      this.reset();
      throw error;
    }
  }

  reset(): void {
    this.byPatient.clear();
    this.count = 0;
    this.latestMs = undefined;
  }

  private add(patientRef: string, outcome: PatientOutcome): void {
    const list = this.byPatient.get(patientRef);
    if (!list) this.byPatient.set(patientRef, [outcome]);
    else {
      // Rows mostly come in time order: insert from the end.
      let i = list.length;
      while (i > 0 && list[i - 1]!.atMs > outcome.atMs) i -= 1;
      list.splice(i, 0, outcome);
    }
    this.count += 1;
    if (this.latestMs === undefined || outcome.atMs > this.latestMs) this.latestMs = outcome.atMs;
  }
}

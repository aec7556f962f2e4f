import { Random } from './random';
import { timeframeMinutes } from '@dtask/events';

export type VisitOutcome = 'completed' | 'failed' | 'unreported';

/**
 * What the service that accepted a referral reports of its visit (issue 14: "most" completed, "a
 * few %" failed, no report by the visit limit "rare"). Our assumption, no published figure: the
 * patient was not at home or refused, a relative had taken them to the ED, or the service could
 * not come after all (~4 %); a report forgotten until the limit passed (~1.5 %).
 */
export const VISIT_SHARES = { failed: 0.04, unreported: 0.015 };

/** A visit's outcome at these shares of failed and unreported ones. */
export function visitOutcome(random: Random, shares: { failed: number; unreported: number } = VISIT_SHARES): VisitOutcome {
  const r = random.next();
  return r < shares.failed ? 'failed' : r < shares.failed + shares.unreported ? 'unreported' : 'completed';
}

/** Why a visit failed, as the receiving service's staff write it. */
export const FAILED_VISIT_REASONS = [
  'Potilas ei avannut ovea eikä vastannut puhelimeen',
  'Potilas kieltäytyi käynnistä',
  'Omainen oli vienyt potilaan päivystykseen',
  'Vointi huonompi kuin ohjauksessa kerrottiin, tarvitsee ensihoidon arvion',
  'Emme ehtineet käydä, ei vapaata työntekijää',
] as const;

export const VISIT_NOTES = ['Käyty, vointi vakaa', 'Käyty, lääkitys tarkistettu', 'Käyty, kotihoidon käyntejä lisätty', 'Soitettu ja sovittu jatko'] as const;

/** A referral without a timeframe is visited within a working shift. */
const NO_TIMEFRAME_MINUTES = 8 * 60;

/**
 * Minutes from acceptance to the visit: mostly inside the referral's timeframe, some (~8 %) a bit
 * late, never so late that the report would miss the visit limit.
 */
export function visitMinutes(random: Random, within: string | undefined, limitMinutes: number): number {
  const frame = within ? timeframeMinutes(within) : NO_TIMEFRAME_MINUTES;
  const share = random.chance(0.92) ? 0.2 + random.next() * 0.75 : 1 + random.next() * 0.6;
  return Math.max(10, Math.min(Math.round(frame * share), limitMinutes - 120));
}

/** Visits of the generated year that come after they were due: the visit limit returns those to the nurses first. */
export const LATE_VISIT_SHARE = 0.01;

/**
 * Minutes from now to the visit, in the generated year: mostly well inside the time left until the
 * visit is due (the timeframe the nurse asked for, or the visit limit), ~1 % too late.
 */
export function visitInWindowMinutes(random: Random, windowMinutes: number): number {
  const share = random.chance(1 - LATE_VISIT_SHARE) ? 0.2 + random.next() * 0.7 : 1.05 + random.next() * 0.5;
  return Math.max(5, Math.round(windowMinutes * share));
}

/** Minutes from the visit to its report: the staff write it up after the visit, or at the door when it failed. */
export function reportMinutes(random: Random, outcome: Exclude<VisitOutcome, 'unreported'>): number {
  return outcome === 'completed' ? random.int(10, 110) : random.int(2, 20);
}
